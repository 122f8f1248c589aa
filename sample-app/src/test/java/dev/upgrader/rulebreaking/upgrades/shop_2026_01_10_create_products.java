package dev.upgrader.rulebreaking.upgrades;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Create the products table. */
public class shop_2026_01_10_create_products extends AbstractUpgrade {

	public shop_2026_01_10_create_products() {
		super("Create the products table.");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE products (id BIGINT NOT NULL PRIMARY KEY, price_cents BIGINT)");
	}

}
