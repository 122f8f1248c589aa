package dev.upgrader.autoconfigure;

import dev.upgrader.testsupport.TestDatabase;

class PostgresAdoptionApplicationTests extends AbstractAdoptionApplicationTests {

	PostgresAdoptionApplicationTests() {
		super(TestDatabase.POSTGRESQL);
	}

}
