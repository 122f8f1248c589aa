package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class H2TenantRunnerContractTests extends AbstractTenantRunnerContractTests {

	H2TenantRunnerContractTests() {
		super(TestDatabase.H2);
	}

}
