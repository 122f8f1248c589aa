package dev.upgrader.autoconfigure;

import dev.upgrader.testsupport.TestDatabase;

class H2ConcurrentStartupTests extends AbstractConcurrentStartupTests {

	H2ConcurrentStartupTests() {
		super(TestDatabase.H2);
	}

}
