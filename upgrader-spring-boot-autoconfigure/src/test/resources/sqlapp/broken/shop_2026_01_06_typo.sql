-- info: A typo in a header key
-- dependson: shop_2026_01_04_mark_database
SELECT 1;
