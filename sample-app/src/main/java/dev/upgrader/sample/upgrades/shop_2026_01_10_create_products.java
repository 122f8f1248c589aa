package dev.upgrader.sample.upgrades;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** The first upgrade of the shop repository: the product catalogue. */
public class shop_2026_01_10_create_products extends AbstractUpgrade {

	public shop_2026_01_10_create_products() {
		super("Create the products table");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE products (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL)");
	}

}
