package dev.upgrader.test;

import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

class H2FromScratchTests extends AbstractFromScratchTests {

	H2FromScratchTests() {
		super(TestDatabase.H2);
	}

	@Override
	String createNamespace(JdbcTemplate server, String url, String namespace) {
		// Every H2 connection of the test database gets a fresh in-memory database.
		return url;
	}

	@Override
	void dropNamespace(JdbcTemplate server, String namespace) {
	}

}
