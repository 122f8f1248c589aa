package dev.upgrader.test;

import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

class MariaDbFromScratchTests extends AbstractFromScratchTests {

	MariaDbFromScratchTests() {
		super(TestDatabase.MARIADB);
	}

	@Override
	String createNamespace(JdbcTemplate server, String url, String namespace) {
		server.execute("CREATE DATABASE " + namespace);
		return url.replaceFirst("^(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + namespace);
	}

	@Override
	void dropNamespace(JdbcTemplate server, String namespace) {
		server.execute("DROP DATABASE IF EXISTS " + namespace);
	}

}
