package dev.upgrader.integration.flywayimport;

import dev.upgrader.testsupport.TestDatabase;

class H2MoveFromFlywayApplicationTests extends AbstractMoveFromFlywayApplicationTests {

	H2MoveFromFlywayApplicationTests() {
		super(TestDatabase.H2);
	}

}
