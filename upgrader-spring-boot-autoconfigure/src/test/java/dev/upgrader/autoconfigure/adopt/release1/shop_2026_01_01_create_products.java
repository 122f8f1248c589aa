package dev.upgrader.autoconfigure.adopt.release1;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/**
 * The first upgrade as release 1 ships it; it declares a checksum by overriding
 * checksum().
 */
public class shop_2026_01_01_create_products extends AbstractUpgrade {

	public shop_2026_01_01_create_products() {
		super("Create the products table");
	}

	@Override
	public String checksum() {
		return "create-products-1";
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(100))");
	}

}
