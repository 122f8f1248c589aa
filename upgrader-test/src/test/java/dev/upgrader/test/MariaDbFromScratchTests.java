package dev.upgrader.test;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbFromScratchTests extends AbstractFromScratchTests {

	MariaDbFromScratchTests() {
		super(TestDatabase.MARIADB);
	}

}
