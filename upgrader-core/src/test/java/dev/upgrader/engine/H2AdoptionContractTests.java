package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;

class H2AdoptionContractTests extends AbstractAdoptionContractTests {

	H2AdoptionContractTests() {
		super(TestDatabase.H2);
	}

}
