package dev.upgrader.integration.jpa;

import dev.upgrader.testsupport.TestDatabase;

class H2JpaApplicationTests extends AbstractJpaApplicationTests {

	H2JpaApplicationTests() {
		super(TestDatabase.H2);
	}

}
