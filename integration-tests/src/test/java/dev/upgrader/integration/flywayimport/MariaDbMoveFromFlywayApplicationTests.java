package dev.upgrader.integration.flywayimport;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbMoveFromFlywayApplicationTests extends AbstractMoveFromFlywayApplicationTests {

	MariaDbMoveFromFlywayApplicationTests() {
		super(TestDatabase.MARIADB);
	}

}
