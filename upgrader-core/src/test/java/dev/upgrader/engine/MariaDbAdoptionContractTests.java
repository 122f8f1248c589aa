package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbAdoptionContractTests extends AbstractAdoptionContractTests {

	MariaDbAdoptionContractTests() {
		super(TestDatabase.MARIADB);
	}

}
