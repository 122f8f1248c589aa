package dev.upgrader.test;

import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

class PostgresFromScratchTests extends AbstractFromScratchTests {

	PostgresFromScratchTests() {
		super(TestDatabase.POSTGRESQL);
	}

	@Override
	String createNamespace(JdbcTemplate server, String url, String namespace) {
		server.execute("CREATE SCHEMA " + namespace);
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + namespace;
	}

	@Override
	void dropNamespace(JdbcTemplate server, String namespace) {
		server.execute("DROP SCHEMA IF EXISTS " + namespace + " CASCADE");
	}

}
