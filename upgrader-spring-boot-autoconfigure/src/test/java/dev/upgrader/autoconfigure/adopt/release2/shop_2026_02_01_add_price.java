package dev.upgrader.autoconfigure.adopt.release2;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** The upgrade release 2 adds. */
public class shop_2026_02_01_add_price extends AbstractUpgrade {

	public shop_2026_02_01_add_price() {
		super("Add a price to products", "shop_2026_01_01_create_products");
	}

	@Override
	public String checksum() {
		return "add-price-1";
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("ALTER TABLE products ADD price INT");
	}

}
