package dev.upgrader.integration.jpa.service;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Creates the table, then calls the application's transactional service. */
public class svc_2026_01_01_shelve_books extends AbstractUpgrade {

	private final ShelfService shelf;

	public svc_2026_01_01_shelve_books(ShelfService shelf) {
		super("Create the books table and shelve a book through the service");
		this.shelf = shelf;
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE it_book (id BIGINT NOT NULL PRIMARY KEY, title VARCHAR(255))");
		this.shelf.shelve(1L, "Dune");
	}

}
