package dev.upgrader.integration.flywayimport;

import dev.upgrader.testsupport.TestDatabase;

class PostgresMoveFromFlywayApplicationTests extends AbstractMoveFromFlywayApplicationTests {

	PostgresMoveFromFlywayApplicationTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
