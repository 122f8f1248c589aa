package dev.upgrader.integration;

import dev.upgrader.testsupport.TestDatabase;

class PostgresMigrationToolsTests extends AbstractMigrationToolsTests {

	PostgresMigrationToolsTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
