package dev.upgrader.integration.flywayimport;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbFlywayImportTests extends AbstractFlywayImportTests {

	MariaDbFlywayImportTests() {
		super(TestDatabase.MARIADB);
	}

}
