-- depends-on: shop_2026_01_04_mark_database
CREATE INDEX products_name ON products (name);
