package dev.upgrader.integration.jpa.runner;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;
import dev.upgrader.integration.jpa.model.Book;
import dev.upgrader.integration.jpa.model.BookRepository;
import org.springframework.core.env.Environment;

/**
 * Saves a book through the repository, which joins the upgrade's transaction: the
 * upgrade's own template sees the row before the commit. Fails afterwards when
 * {@code shelf.fail} is set, so that the test sees both roll back.
 */
public class shelf_2026_01_02_save_books extends AbstractUpgrade {

	private final BookRepository books;

	private final boolean fail;

	public shelf_2026_01_02_save_books(BookRepository books, Environment environment) {
		super("Save a book through the repository", "shelf_2026_01_01_create_books");
		this.books = books;
		this.fail = environment.getProperty("shelf.fail", Boolean.class, false);
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		this.books.saveAndFlush(new Book(7L, "Solaris"));
		Integer seen = context.jdbc().queryForObject("SELECT COUNT(*) FROM it_book WHERE id = 7", Integer.class);
		if (seen == null || seen != 1) {
			throw new IllegalStateException("The repository's row is not in the upgrade's transaction");
		}
		if (this.fail) {
			throw new IllegalStateException("Failing on purpose after saving");
		}
	}

}
