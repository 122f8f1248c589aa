package dev.upgrader.sqlapp;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** A Java upgrade that depends on an SQL upgrade: it needs the column the SQL adds. */
public class shop_2026_01_03_price_products extends AbstractUpgrade {

	public shop_2026_01_03_price_products() {
		super("Price the seeded products", "shop_2026_01_02_seed_products");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().update("UPDATE products SET price_cents = 250 WHERE price_cents IS NULL");
	}

}
