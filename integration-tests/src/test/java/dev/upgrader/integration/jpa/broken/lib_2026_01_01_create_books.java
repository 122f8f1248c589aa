package dev.upgrader.integration.jpa.broken;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Depends on an upgrade that nobody wrote. */
public class lib_2026_01_01_create_books extends AbstractUpgrade {

	public lib_2026_01_01_create_books() {
		super("Create the books table", "lib_2025_12_31_missing");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE it_book (id BIGINT NOT NULL PRIMARY KEY, title VARCHAR(255))");
	}

}
