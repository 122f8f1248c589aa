package dev.upgrader.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A MariaDB/MySQL named lock ({@code GET_LOCK}). Names are server-wide, so the name joins
 * the connection's database and the log table; it is derived from each connection rather
 * than kept, because the lock is shared by concurrent callers.
 */
final class MySqlNamedLock extends LockConnection {

	/** MariaDB's max_statement_time, shorter than the wait, ended the wait. */
	private static final int STATEMENT_TIMEOUT = 1969;

	private final String table;

	MySqlNamedLock(DataSource dataSource, String table, Duration waitTimeout) {
		super(dataSource, waitTimeout);
		this.table = table;
	}

	@Override
	boolean tryLock(Connection connection, Duration wait) throws SQLException {
		// The server waits for the lock itself (MariaDB to the microsecond; MySQL in
		// whole
		// seconds, the caller trying again until its deadline).
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
			statement.setString(1, lockName(connection));
			statement.setBigDecimal(2, BigDecimal.valueOf(wait.toNanos() / 1000, 6));
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1) == 1;
			}
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == STATEMENT_TIMEOUT) {
				return false;
			}
			throw ex;
		}
	}

	private String lockName(Connection connection) throws SQLException {
		String name = "upgrader:" + connection.getCatalog() + "." + this.table;
		// MySQL refuses lock names longer than 64 characters.
		return (name.length() <= 64) ? name : name.substring(0, 48) + Integer.toHexString(name.hashCode());
	}

	@Override
	void unlock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, lockName(connection));
			statement.execute();
		}
	}

	@Override
	@Nullable String holder(Connection connection) throws SQLException {
		// The process list shows other users' connections only with the PROCESS
		// privilege, while IS_USED_LOCK tells anyone that the lock is held (#11).
		String sql = "SELECT h.id, p.host, p.user, p.time FROM (SELECT IS_USED_LOCK(?) AS id) h"
				+ " LEFT JOIN information_schema.processlist p ON p.id = h.id WHERE h.id IS NOT NULL";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, lockName(connection));
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return null;
				}
				if (result.getString(3) == null) {
					return "connection " + result.getLong(1)
							+ " of another database user (grant PROCESS to see its host)";
				}
				return "connection " + result.getLong(1) + " (host " + result.getString(2) + ", user "
						+ result.getString(3) + ", connected for " + result.getLong(4) + " s)";
			}
		}
	}

	@Override
	String name() {
		return "GET_LOCK for table " + this.table;
	}

}
