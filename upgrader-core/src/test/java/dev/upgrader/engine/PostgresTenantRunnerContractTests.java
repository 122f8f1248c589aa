package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class PostgresTenantRunnerContractTests extends AbstractTenantRunnerContractTests {

	PostgresTenantRunnerContractTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
