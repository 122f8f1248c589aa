package dev.upgrader.integration.jpa;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbJpaApplicationTests extends AbstractJpaApplicationTests {

	MariaDbJpaApplicationTests() {
		super(TestDatabase.MARIADB);
	}

}
