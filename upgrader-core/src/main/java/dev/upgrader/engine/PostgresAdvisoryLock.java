package dev.upgrader.engine;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgradeLockException;

/**
 * A PostgreSQL session-level advisory lock whose key is derived from the log table's
 * schema and name, so that applications with different log tables in one database do not
 * block each other. The key is derived from each connection rather than kept, because the
 * search path, and with it the log's schema, is the connection's; a table that names its
 * schema ({@code schema.table}, a tenant's) has one key, the same as the table's found in
 * that schema by the search path, kept without asking the database.
 */
final class PostgresAdvisoryLock extends LockConnection {

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	/** A statement_timeout of the role or database, shorter than the wait. */
	private static final String QUERY_CANCELED = "57014";

	private final String table;

	private final PostgresDialect dialect = new PostgresDialect();

	private final @Nullable Long qualifiedKey;

	PostgresAdvisoryLock(DataSource dataSource, String table, Duration waitTimeout) {
		super(dataSource, waitTimeout);
		this.table = table;
		this.qualifiedKey = (table.indexOf('.') != -1) ? crc(table) : null;
	}

	/**
	 * The key of the log table in the given schema. In {@code public} it is the key of
	 * the versions before schemas scoped it, so that instances of both versions still
	 * exclude each other during a rolling deployment.
	 */
	long key(String schema) {
		return crc("public".equals(schema) ? this.table : schema + "." + this.table);
	}

	private static long crc(String name) {
		CRC32 crc = new CRC32();
		crc.update(("upgrader:" + name.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}

	private long key(Connection connection) throws SQLException {
		return (this.qualifiedKey != null) ? this.qualifiedKey : key(this.dialect.schema(connection, this.table));
	}

	@Override
	boolean tryLock(Connection connection, Duration wait) throws SQLException {
		long key = key(connection);
		// A free lock in one round trip, as it mostly is (with many tenants, each run's
		// cost); a lock_timeout of zero would wait for ever.
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				if (result.getBoolean(1) || wait.isZero()) {
					return result.getBoolean(1);
				}
			}
		}
		// PostgreSQL waits for the lock itself; the transaction-local lock_timeout bounds
		// the wait and leaves the session's own setting as it was (#11). The session lock
		// outlives the transaction.
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (PreparedStatement timeout = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)");
				PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
			timeout.setString(1, Math.max(1, Math.min(Integer.MAX_VALUE, wait.toMillis())) + "ms");
			timeout.execute();
			lock.setLong(1, key);
			lock.execute();
			connection.commit();
			return true;
		}
		catch (SQLException ex) {
			connection.rollback();
			if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState()) || QUERY_CANCELED.equals(ex.getSQLState())) {
				return false;
			}
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	@Override
	void unlock(Connection connection) throws SQLException {
		// The connection served the lock only, and the log's schema, and with it the key,
		// may have changed since it was taken.
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_unlock_all()");
		}
	}

	@Override
	String identify(Connection connection, String holder) throws SQLException {
		return PostgresDialect.replaceSetting(connection, "application_name", holder);
	}

	/** Back to the application's name, which the pool's next user shows (#11). */
	@Override
	void forget(Connection connection, @Nullable String identity) throws SQLException {
		PostgresDialect.replaceSetting(connection, "application_name", (identity != null) ? identity : "");
	}

	@Override
	@Nullable String holder(Connection connection) throws SQLException {
		// Advisory locks are per database, but pg_locks shows the whole server's (#11).
		String sql = "SELECT a.pid, a.usename, a.application_name, a.client_addr, a.state_change FROM pg_locks l"
				+ " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
				+ " AND l.classid = 0 AND l.objid = ?::bigint::oid AND l.objsubid = 1"
				+ " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key(connection));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? describe(result) : null;
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
			statement.setLong(1, key(connection));
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

	/**
	 * What PostgreSQL shows of the holder's session: another user's client address and
	 * times only to that user and to members of {@code pg_read_all_stats} (#11).
	 */
	private static String describe(ResultSet result) throws SQLException {
		String application = result.getString(3);
		StringBuilder holder = new StringBuilder(
				(application == null || application.isEmpty()) ? "a session" : "'" + application + "'");
		holder.append(" (PostgreSQL backend pid ").append(result.getInt(1));
		holder.append(", database user ").append(result.getString(2));
		String client = result.getString(4);
		OffsetDateTime since = result.getObject(5, OffsetDateTime.class);
		if (since == null) {
			holder.append("; its client and times are shown only to that user and to pg_read_all_stats");
		}
		else {
			holder.append((client != null) ? ", client " + client : ", local client");
			holder.append(", holding it since ").append(since);
		}
		return holder.append(")").toString();
	}

	/**
	 * The key in the default schema, or of the schema the table names.
	 * @return the key
	 */
	long key() {
		return (this.qualifiedKey != null) ? this.qualifiedKey : key("public");
	}

	@Override
	String name() {
		return "pg_advisory_lock for table " + this.table;
	}

}
