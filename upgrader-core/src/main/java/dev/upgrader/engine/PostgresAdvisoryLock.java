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

import dev.upgrader.UpgradeLockException;

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
		// Advisory locks are per database, but pg_locks shows the whole server's (#11).
		String sql = "SELECT a.pid, a.client_addr, a.application_name, a.state_change FROM pg_locks l"
				+ " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
				+ " AND l.classid = 0 AND l.objid = ?::bigint::oid AND l.objsubid = 1"
				+ " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
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

	/**
	 * Behind PgBouncer in transaction mode (or RDS Proxy, pgpool and the like) each
	 * transaction of a client connection may run on another server session, and the
	 * advisory lock stays with the session that took it: the lock then excludes nobody.
	 */
	@Override
	void requireSession(Connection connection) throws SQLException {
		String sql = "SELECT pg_backend_pid(), (SELECT MIN(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory'"
				+ " AND l.granted AND l.classid = 0 AND l.objid = ?::bigint::oid AND l.objsubid = 1"
				+ " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				int session = result.getInt(1);
				int holder = result.getInt(2);
				if (session != holder) {
					throw new UpgradeLockException("The upgrade lock " + name()
							+ " is not held by the PostgreSQL session this connection now uses (backend pid " + session
							+ "; " + (result.wasNull() ? "no session holds it" : "backend pid " + holder + " does")
							+ "): a connection pooler in transaction mode (PgBouncer pool_mode=transaction, RDS Proxy"
							+ " and the like) moves the connection between server sessions, so the session lock"
							+ " excludes nobody. Set upgrader.lock.mode=lease, or connect the upgrades to PostgreSQL"
							+ " directly or through a session-mode pool (upgrader.url).");
				}
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
