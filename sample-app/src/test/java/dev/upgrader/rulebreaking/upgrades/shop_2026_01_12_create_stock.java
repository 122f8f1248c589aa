package dev.upgrader.rulebreaking.upgrades;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Create the stock table, depending on nothing: a second root. */
public class shop_2026_01_12_create_stock extends AbstractUpgrade {

	public shop_2026_01_12_create_stock() {
		super("Create the stock table, depending on nothing: a second root.");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE stock (product_id BIGINT NOT NULL PRIMARY KEY)");
	}

}
