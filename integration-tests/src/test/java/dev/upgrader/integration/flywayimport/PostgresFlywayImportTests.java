package dev.upgrader.integration.flywayimport;

import dev.upgrader.testsupport.TestDatabase;

class PostgresFlywayImportTests extends AbstractFlywayImportTests {

	PostgresFlywayImportTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
