-- depends-on: shop_2026_01_01_create_products
-- info: Add a price column and seed the products
-- estimate: 2s
ALTER TABLE products ADD COLUMN price_cents BIGINT;

INSERT INTO products (id, name) VALUES (1, 'Kettle; steel');
INSERT INTO products (id, name) VALUES (2, 'Teapot -- porcelain');
