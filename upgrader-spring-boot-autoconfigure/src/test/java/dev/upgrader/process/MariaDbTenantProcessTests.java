package dev.upgrader.process;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbTenantProcessTests extends AbstractTenantProcessTests {

	MariaDbTenantProcessTests() {
		super(TestDatabase.MARIADB, 20);
	}

}
