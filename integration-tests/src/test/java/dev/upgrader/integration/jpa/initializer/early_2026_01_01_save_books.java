package dev.upgrader.integration.jpa.initializer;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;
import dev.upgrader.integration.jpa.model.Book;
import dev.upgrader.integration.jpa.model.BookRepository;

/** Takes the repository, which waits for the upgrades in the initializer phase. */
public class early_2026_01_01_save_books extends AbstractUpgrade {

	private final BookRepository books;

	public early_2026_01_01_save_books(BookRepository books) {
		super("Save a book through the repository");
		this.books = books;
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		this.books.save(new Book(1L, "Dune"));
	}

}
