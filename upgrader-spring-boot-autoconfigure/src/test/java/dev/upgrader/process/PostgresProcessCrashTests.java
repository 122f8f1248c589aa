package dev.upgrader.process;

import dev.upgrader.testsupport.TestDatabase;

class PostgresProcessCrashTests extends AbstractProcessCrashTests {

	PostgresProcessCrashTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
