package dev.upgrader.process;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbProcessRaceTests extends AbstractProcessRaceTests {

	MariaDbProcessRaceTests() {
		super(TestDatabase.MARIADB);
	}

}
