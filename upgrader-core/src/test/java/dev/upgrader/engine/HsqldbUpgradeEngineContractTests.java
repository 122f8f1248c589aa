package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class HsqldbUpgradeEngineContractTests extends AbstractUpgradeEngineContractTests {

	HsqldbUpgradeEngineContractTests() {
		super(TestDatabase.HSQLDB, "hsqldb");
	}

}
