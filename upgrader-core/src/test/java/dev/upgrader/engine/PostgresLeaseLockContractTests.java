package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class PostgresLeaseLockContractTests extends AbstractLeaseLockContractTests {

	PostgresLeaseLockContractTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
