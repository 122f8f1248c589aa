package dev.upgrader.integration.flyway;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Fills the table that Flyway's first migration created. */
public class fly_2026_01_01_seed_authors extends AbstractUpgrade {

	private final JdbcTemplate jdbc;

	public fly_2026_01_01_seed_authors(JdbcTemplate jdbc) {
		super("Seed the authors that Flyway's table holds");
		this.jdbc = jdbc;
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		this.jdbc.update("INSERT INTO it_author (id, name) VALUES (1, 'Le Guin')");
	}

}
