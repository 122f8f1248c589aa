package dev.upgrader.engine;

import java.time.Duration;

import javax.sql.DataSource;

/**
 * PostgreSQL. DDL is transactional; a session-level advisory lock guards runs.
 */
final class PostgresDialect implements DatabaseDialect {

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout) {
		return new PostgresAdvisoryLock(dataSource, table, waitTimeout);
	}

	@Override
	public String currentTimestamp() {
		// CURRENT_TIMESTAMP is the start of the transaction, which may be long past.
		return "clock_timestamp()";
	}

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public String toString() {
		return "PostgreSQL";
	}

}
