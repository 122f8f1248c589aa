-- depends-on: shop_release_1_0_0
-- info: Index products by name for the catalogue search
-- estimate: 2s
CREATE INDEX products_name ON products (name);
