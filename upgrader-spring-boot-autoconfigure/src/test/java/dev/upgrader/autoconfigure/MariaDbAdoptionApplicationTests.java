package dev.upgrader.autoconfigure;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbAdoptionApplicationTests extends AbstractAdoptionApplicationTests {

	MariaDbAdoptionApplicationTests() {
		super(TestDatabase.MARIADB);
	}

}
