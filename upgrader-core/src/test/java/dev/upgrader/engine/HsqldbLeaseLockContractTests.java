package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class HsqldbLeaseLockContractTests extends AbstractLeaseLockContractTests {

	HsqldbLeaseLockContractTests() {
		super(TestDatabase.HSQLDB);
	}

	@Override
	String localTime() {
		return "VALUES (LOCALTIMESTAMP)";
	}

}
