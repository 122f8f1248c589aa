package dev.upgrader.process;

import dev.upgrader.testsupport.TestDatabase;

class H2ProcessRaceTests extends AbstractProcessRaceTests {

	H2ProcessRaceTests() {
		super(TestDatabase.H2);
	}

}
