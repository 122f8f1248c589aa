package dev.upgrader.rulebreaking.upgrades;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Shop 1.0.0, which misses the stock table. */
public class shop_release_1_0_0 extends AbstractUpgrade {

	public shop_release_1_0_0() {
		super("Shop 1.0.0, which misses the stock table.", "shop_2026_01_15_reprice");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		// A release marks a point in the graph; it changes nothing itself.
	}

}
