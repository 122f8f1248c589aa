CREATE OR REPLACE VIEW ${prefix}_author_names AS SELECT name FROM ${prefix}_author;
