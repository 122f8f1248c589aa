package dev.upgrader.sqlapp;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** A Java upgrade that SQL upgrades depend on. */
public class shop_2026_01_01_create_products extends AbstractUpgrade {

	public shop_2026_01_01_create_products() {
		super("Create the products table");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE products (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
	}

}
