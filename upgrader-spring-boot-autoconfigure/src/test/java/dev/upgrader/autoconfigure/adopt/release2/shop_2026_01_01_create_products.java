package dev.upgrader.autoconfigure.adopt.release2;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/**
 * The first upgrade as release 2 ships it: someone changed it after release 1 applied it,
 * and its checksum with it.
 */
public class shop_2026_01_01_create_products extends AbstractUpgrade {

	public shop_2026_01_01_create_products() {
		super("Create the products table");
	}

	@Override
	public String checksum() {
		return "create-products-2";
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(200))");
	}

}
