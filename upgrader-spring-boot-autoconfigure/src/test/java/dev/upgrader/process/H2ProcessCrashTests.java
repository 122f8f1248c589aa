package dev.upgrader.process;

import dev.upgrader.testsupport.TestDatabase;

class H2ProcessCrashTests extends AbstractProcessCrashTests {

	H2ProcessCrashTests() {
		super(TestDatabase.H2);
	}

}
