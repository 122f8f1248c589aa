package dev.upgrader.process;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbProcessCrashTests extends AbstractProcessCrashTests {

	MariaDbProcessCrashTests() {
		super(TestDatabase.MARIADB);
	}

}
