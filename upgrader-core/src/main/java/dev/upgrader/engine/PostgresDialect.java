package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
	public void useSchema(Connection connection, String schema) throws SQLException {
		// Unquoted, the name folds to lower case as it did in CREATE SCHEMA.
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET search_path TO " + schema);
		}
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
