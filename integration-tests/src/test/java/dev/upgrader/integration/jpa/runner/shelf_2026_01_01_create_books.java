package dev.upgrader.integration.jpa.runner;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Creates the entity's table. */
public class shelf_2026_01_01_create_books extends AbstractUpgrade {

	public shelf_2026_01_01_create_books() {
		super("Create the books table");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE it_book (id BIGINT NOT NULL PRIMARY KEY, title VARCHAR(255))");
	}

}
