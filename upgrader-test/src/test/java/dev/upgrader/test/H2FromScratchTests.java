package dev.upgrader.test;

import dev.upgrader.testsupport.TestDatabase;

class H2FromScratchTests extends AbstractFromScratchTests {

	H2FromScratchTests() {
		super(TestDatabase.H2);
	}

}
