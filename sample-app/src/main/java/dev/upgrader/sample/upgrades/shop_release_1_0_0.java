package dev.upgrader.sample.upgrades;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/**
 * Release 1.0.0: depends on the leaves of both repositories, so later upgrades can depend
 * on it alone.
 */
public class shop_release_1_0_0 extends AbstractUpgrade {

	public shop_release_1_0_0() {
		super("Shop 1.0.0", "billing_2026_03_01_add_invoice_status", "shop_2026_03_15_seed_products");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		// A release marks a point in the graph; it changes nothing itself.
	}

	@Override
	public void postUpgrade(UpgradeContext context) {
		context.warn("Shop 1.0.0 is installed: re-index the catalogue search when convenient.");
	}

}
