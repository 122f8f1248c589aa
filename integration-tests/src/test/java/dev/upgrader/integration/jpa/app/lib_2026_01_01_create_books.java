package dev.upgrader.integration.jpa.app;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Creates the entity's table, with the upgrade's own template. */
public class lib_2026_01_01_create_books extends AbstractUpgrade {

	public lib_2026_01_01_create_books() {
		super("Create the books table");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE it_book (id BIGINT NOT NULL PRIMARY KEY, title VARCHAR(255))");
	}

}
