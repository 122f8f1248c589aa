package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbLeaseLockContractTests extends AbstractLeaseLockContractTests {

	MariaDbLeaseLockContractTests() {
		super(TestDatabase.MARIADB);
	}

	@Override
	String setTimeZone(String offset) {
		return "SET time_zone = '" + offset + "'";
	}

}
