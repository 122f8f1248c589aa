package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class PostgresAdoptionContractTests extends AbstractAdoptionContractTests {

	PostgresAdoptionContractTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
