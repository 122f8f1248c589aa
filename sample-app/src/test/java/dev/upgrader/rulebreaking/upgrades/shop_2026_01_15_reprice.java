package dev.upgrader.rulebreaking.upgrades;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;
import dev.upgrader.rulebreaking.PriceService;

/** Reprice with the application's service. */
public class shop_2026_01_15_reprice extends AbstractUpgrade {

	public shop_2026_01_15_reprice() {
		super("Reprice with the application's service.", "shop_2026_01_10_create_products");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().update("UPDATE products SET price_cents = ?", new PriceService().launchPriceCents());
	}

}
