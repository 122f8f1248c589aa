package dev.upgrader.integration.jpa.app;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Seeds a book with the application's {@link JdbcTemplate}, injected. */
public class lib_2026_01_02_seed_books extends AbstractUpgrade {

	private final JdbcTemplate jdbc;

	public lib_2026_01_02_seed_books(JdbcTemplate jdbc) {
		super("Seed the first book", "lib_2026_01_01_create_books");
		this.jdbc = jdbc;
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		this.jdbc.update("INSERT INTO it_book (id, title) VALUES (1, 'Dune')");
	}

}
