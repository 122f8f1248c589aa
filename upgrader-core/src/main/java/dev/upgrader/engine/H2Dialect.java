package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * H2 2.x. DDL commits implicitly; a row lock held in an open transaction guards runs.
 */
final class H2Dialect implements DatabaseDialect {

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	public UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout) {
		return new H2RowLock(dataSource, table + "_lock", waitTimeout);
	}

	@Override
	public void useSchema(Connection connection, String schema) throws SQLException {
		// Unquoted, the name folds to upper case as it did in CREATE SCHEMA.
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET SCHEMA " + schema);
		}
	}

	@Override
	public String name() {
		return "h2";
	}

	@Override
	public String toString() {
		return "H2";
	}

}
