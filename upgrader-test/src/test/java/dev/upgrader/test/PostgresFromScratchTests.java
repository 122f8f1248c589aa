package dev.upgrader.test;

import dev.upgrader.testsupport.TestDatabase;

class PostgresFromScratchTests extends AbstractFromScratchTests {

	PostgresFromScratchTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
