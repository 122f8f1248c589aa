package dev.upgrader.process;

import dev.upgrader.testsupport.TestDatabase;

class PostgresProcessRaceTests extends AbstractProcessRaceTests {

	PostgresProcessRaceTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
