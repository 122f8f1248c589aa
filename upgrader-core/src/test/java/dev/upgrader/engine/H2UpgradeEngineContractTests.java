package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class H2UpgradeEngineContractTests extends AbstractUpgradeEngineContractTests {

	H2UpgradeEngineContractTests() {
		super(TestDatabase.H2, "h2");
	}

}
