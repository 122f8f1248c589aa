package dev.upgrader.sample.upgrades;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Products get a price, in cents. */
public class shop_2026_02_03_add_product_price extends AbstractUpgrade {

	public shop_2026_02_03_add_product_price() {
		super("Add a price to products", "shop_2026_01_10_create_products");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("ALTER TABLE products ADD COLUMN price_cents BIGINT DEFAULT 0 NOT NULL");
	}

}
