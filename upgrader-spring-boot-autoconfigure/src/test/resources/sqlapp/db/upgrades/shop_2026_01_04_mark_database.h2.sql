-- depends-on: shop_2026_01_03_price_products
-- info: Record which file ran, on H2
INSERT INTO products (id, name, price_cents) VALUES (3, 'h2 variant', 0);
