package dev.upgrader.integration.flywayimport;

import dev.upgrader.testsupport.TestDatabase;

class H2FlywayImportTests extends AbstractFlywayImportTests {

	H2FlywayImportTests() {
		super(TestDatabase.H2);
	}

}
