package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * MariaDB and MySQL. DDL commits implicitly; {@code GET_LOCK} guards runs.
 */
final class MySqlDialect implements DatabaseDialect {

	@Override
	public String timestampType() {
		return "DATETIME(3)";
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	public @Nullable String schema(Connection connection) {
		// MariaDB and MySQL report databases as catalogs, not schemas.
		return null;
	}

	@Override
	public UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout) {
		return new MySqlNamedLock(dataSource, table, waitTimeout);
	}

	@Override
	public String currentTimestamp() {
		// DATETIME has no zone and NOW() follows the session's time zone: UTC is the same
		// for every session.
		return "UTC_TIMESTAMP(3)";
	}

	@Override
	public String leaseTimestampType() {
		return "DATETIME(3)";
	}

	@Override
	public void useSchema(Connection connection, String schema) throws SQLException {
		connection.setCatalog(schema);
	}

	@Override
	public String name() {
		return "mysql";
	}

	@Override
	public String toString() {
		return "MariaDB/MySQL";
	}

}
