package dev.upgrader.autoconfigure;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbConcurrentStartupTests extends AbstractConcurrentStartupTests {

	MariaDbConcurrentStartupTests() {
		super(TestDatabase.MARIADB);
	}

}
