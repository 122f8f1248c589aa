package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class PostgresUpgradeEngineContractTests extends AbstractUpgradeEngineContractTests {

	PostgresUpgradeEngineContractTests() {
		super(TestDatabase.POSTGRESQL, "postgresql");
	}

}
