package dev.upgrader.integration.jpa.service;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An application service with a transactional method, as most applications have. */
@Service
public class ShelfService {

	private final JdbcTemplate jdbc;

	public ShelfService(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public void shelve(long id, String title) {
		this.jdbc.update("INSERT INTO it_book (id, title) VALUES (?, ?)", id, title);
	}

}
