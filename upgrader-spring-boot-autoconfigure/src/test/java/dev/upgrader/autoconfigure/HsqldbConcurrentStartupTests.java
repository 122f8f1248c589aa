package dev.upgrader.autoconfigure;

import dev.upgrader.testsupport.TestDatabase;

class HsqldbConcurrentStartupTests extends AbstractConcurrentStartupTests {

	HsqldbConcurrentStartupTests() {
		super(TestDatabase.HSQLDB);
	}

}
