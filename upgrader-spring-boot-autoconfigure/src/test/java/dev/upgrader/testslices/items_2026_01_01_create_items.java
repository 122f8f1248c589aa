package dev.upgrader.testslices;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Creates and seeds the table the slice tests read. */
public class items_2026_01_01_create_items extends AbstractUpgrade {

	static final String SEEDED = "seeded by an upgrade";

	public items_2026_01_01_create_items() {
		super("Create the items table");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
		context.jdbc().update("INSERT INTO items (id, name) VALUES (1, ?)", SEEDED);
	}

}
