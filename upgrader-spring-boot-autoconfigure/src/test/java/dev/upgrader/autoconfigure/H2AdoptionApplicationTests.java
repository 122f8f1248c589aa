package dev.upgrader.autoconfigure;

import dev.upgrader.testsupport.TestDatabase;

class H2AdoptionApplicationTests extends AbstractAdoptionApplicationTests {

	H2AdoptionApplicationTests() {
		super(TestDatabase.H2);
	}

}
