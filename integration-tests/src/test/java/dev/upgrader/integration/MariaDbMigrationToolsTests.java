package dev.upgrader.integration;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbMigrationToolsTests extends AbstractMigrationToolsTests {

	MariaDbMigrationToolsTests() {
		super(TestDatabase.MARIADB);
	}

}
