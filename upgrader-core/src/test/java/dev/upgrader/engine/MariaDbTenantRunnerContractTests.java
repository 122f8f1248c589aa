package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbTenantRunnerContractTests extends AbstractTenantRunnerContractTests {

	MariaDbTenantRunnerContractTests() {
		super(TestDatabase.MARIADB);
	}

}
