package dev.upgrader.autoconfigure;

import dev.upgrader.testsupport.TestDatabase;

class PostgresConcurrentStartupTests extends AbstractConcurrentStartupTests {

	PostgresConcurrentStartupTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
