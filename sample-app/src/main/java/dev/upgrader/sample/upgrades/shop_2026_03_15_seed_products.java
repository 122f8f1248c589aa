package dev.upgrader.sample.upgrades;

import java.time.Duration;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A data upgrade; it takes the application's JdbcTemplate by constructor injection. */
public class shop_2026_03_15_seed_products extends AbstractUpgrade {

	private final JdbcTemplate jdbc;

	public shop_2026_03_15_seed_products(JdbcTemplate jdbc) {
		super("Seed the catalogue with the launch products\nThree products that every shop starts with.",
				Duration.ofSeconds(2), "shop_2026_02_03_add_product_price");
		this.jdbc = jdbc;
	}

	/**
	 * Declares what this upgrade does, so that a change to it after it was applied is
	 * reported: change the value whenever the work changes.
	 */
	@Override
	public String checksum() {
		return "launch-products-1";
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		this.jdbc.update("INSERT INTO products (id, name, price_cents) VALUES (1, 'Kettle', 2999), (2, 'Teapot', 1999),"
				+ " (3, 'Mug', 499)");
	}

}
