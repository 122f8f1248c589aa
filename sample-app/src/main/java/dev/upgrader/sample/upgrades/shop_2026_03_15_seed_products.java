package dev.upgrader.sample.upgrades;

import java.time.Duration;
import java.util.List;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A data upgrade; it takes the application's JdbcTemplate by constructor injection. */
public class shop_2026_03_15_seed_products implements Upgrade {

	private final JdbcTemplate jdbc;

	public shop_2026_03_15_seed_products(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> dependsOn() {
		return List.of("shop_2026_02_03_add_product_price");
	}

	@Override
	public String info() {
		return "Seed the catalogue with the launch products\nThree products that every shop starts with.";
	}

	@Override
	public Duration estimate() {
		return Duration.ofSeconds(2);
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		this.jdbc.update("INSERT INTO products (id, name, price_cents) VALUES (1, 'Kettle', 2999), (2, 'Teapot', 1999),"
				+ " (3, 'Mug', 499)");
	}

}
