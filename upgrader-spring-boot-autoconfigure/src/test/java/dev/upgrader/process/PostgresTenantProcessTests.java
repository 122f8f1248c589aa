package dev.upgrader.process;

import dev.upgrader.testsupport.TestDatabase;

class PostgresTenantProcessTests extends AbstractTenantProcessTests {

	PostgresTenantProcessTests() {
		super(TestDatabase.POSTGRESQL, 50);
	}

}
