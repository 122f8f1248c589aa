package dev.upgrader.integration.liquibase;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Fills the table that the Liquibase change set created. */
public class liq_2026_01_01_seed_readers extends AbstractUpgrade {

	public liq_2026_01_01_seed_readers() {
		super("Seed the readers that Liquibase's table holds");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().update("INSERT INTO it_reader (id, name) VALUES (1, 'Ada')");
	}

}
