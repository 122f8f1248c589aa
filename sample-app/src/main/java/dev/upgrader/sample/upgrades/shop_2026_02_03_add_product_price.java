package dev.upgrader.sample.upgrades;

import java.util.List;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;

/** Products get a price, in cents. */
public class shop_2026_02_03_add_product_price implements Upgrade {

	@Override
	public List<String> dependsOn() {
		return List.of("shop_2026_01_10_create_products");
	}

	@Override
	public String info() {
		return "Add a price to products";
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("ALTER TABLE products ADD COLUMN price_cents BIGINT DEFAULT 0 NOT NULL");
	}

}
