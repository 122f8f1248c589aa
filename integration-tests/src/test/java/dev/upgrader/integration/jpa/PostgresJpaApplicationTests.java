package dev.upgrader.integration.jpa;

import dev.upgrader.testsupport.TestDatabase;

class PostgresJpaApplicationTests extends AbstractJpaApplicationTests {

	PostgresJpaApplicationTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
