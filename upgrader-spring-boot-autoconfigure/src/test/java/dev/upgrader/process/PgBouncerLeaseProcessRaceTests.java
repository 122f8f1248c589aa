package dev.upgrader.process;

import java.util.Map;

import dev.upgrader.testsupport.TestDatabase;

/**
 * The process race through PgBouncer in transaction pooling mode, where the session lock
 * excludes nobody, with {@code upgrader.lock.mode=lease}: ten processes, every upgrade
 * once. With {@code upgrader.test.databases=required} an unreachable PgBouncer fails the
 * test.
 */
class PgBouncerLeaseProcessRaceTests extends AbstractProcessRaceTests {

	PgBouncerLeaseProcessRaceTests() {
		super(TestDatabase.PGBOUNCER);
	}

	@Override
	void configure(Map<String, String> properties) {
		properties.put("upgrader.lock.mode", "lease");
	}

}
