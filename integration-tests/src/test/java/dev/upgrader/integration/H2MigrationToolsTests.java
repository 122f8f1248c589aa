package dev.upgrader.integration;

import dev.upgrader.testsupport.TestDatabase;

class H2MigrationToolsTests extends AbstractMigrationToolsTests {

	H2MigrationToolsTests() {
		super(TestDatabase.H2);
	}

}
