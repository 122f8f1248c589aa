package dev.upgrader.engine;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL session-level advisory lock whose key is derived from the log table name,
 * so that applications with different log tables in one database do not block each other.
 */
final class PostgresAdvisoryLock extends LockConnection {

	private final String table;

	private final long key;

	PostgresAdvisoryLock(DataSource dataSource, String table, Duration waitTimeout) {
		super(dataSource, waitTimeout);
		this.table = table;
		CRC32 crc = new CRC32();
		crc.update(("upgrader:" + table.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
		this.key = crc.getValue();
	}

	@Override
	boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	@Override
	void unlock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
		}
		setApplicationName(connection, "");
	}

	@Override
	void identify(Connection connection, String holder) throws SQLException {
		setApplicationName(connection, holder);
	}

	private static void setApplicationName(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT set_config('application_name', ?, false)")) {
			statement.setString(1, name);
			statement.execute();
		}
	}

	@Override
	@Nullable String holder(Connection connection) throws SQLException {
		String sql = "SELECT a.pid, a.client_addr, a.application_name, a.state_change FROM pg_locks l"
				+ " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
				+ " AND l.classid = 0 AND l.objid = ?::bigint::oid AND l.objsubid = 1";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return null;
				}
				return "'" + result.getString(3) + "' (PostgreSQL backend pid " + result.getInt(1) + ", client "
						+ result.getString(2) + ", holding it since " + result.getObject(4, OffsetDateTime.class) + ")";
			}
		}
	}

	long key() {
		return this.key;
	}

	@Override
	String name() {
		return "pg_advisory_lock(" + this.key + ") for table " + this.table;
	}

}
