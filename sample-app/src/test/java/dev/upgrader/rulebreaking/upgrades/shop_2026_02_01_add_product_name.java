package dev.upgrader.rulebreaking.upgrades;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Add a name to products, after the release. */
public class shop_2026_02_01_add_product_name extends AbstractUpgrade {

	public shop_2026_02_01_add_product_name() {
		super("Add a name to products, after the release.", "shop_release_1_0_0");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("ALTER TABLE products ADD COLUMN name VARCHAR(200)");
	}

}
