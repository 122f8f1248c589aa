-- depends-on: shop_2026_01_03_price_products
-- info: Record which file ran
INSERT INTO products (id, name, price_cents) VALUES (3, 'default file', 0);
