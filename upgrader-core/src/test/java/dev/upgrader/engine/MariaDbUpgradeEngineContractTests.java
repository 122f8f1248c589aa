package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbUpgradeEngineContractTests extends AbstractUpgradeEngineContractTests {

	MariaDbUpgradeEngineContractTests() {
		super(TestDatabase.MARIADB, "mysql");
	}

}
