package dev.upgrader.engine;

import java.time.Duration;

import javax.sql.DataSource;

/**
 * HSQLDB 2.x. DDL commits implicitly; it has no lock bound to a session, so the lease
 * lock guards runs.
 */
final class HsqldbDialect implements DatabaseDialect {

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	public boolean hasSessionLock() {
		return false;
	}

	@Override
	public UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout) {
		return leaseLock(dataSource, table, waitTimeout, LeaseLock.DEFAULT_DURATION);
	}

	@Override
	public String name() {
		return "hsqldb";
	}

	@Override
	public String toString() {
		return "HSQLDB";
	}

}
