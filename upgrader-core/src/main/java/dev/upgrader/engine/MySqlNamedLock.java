package dev.upgrader.engine;

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

	private final String table;

	MySqlNamedLock(DataSource dataSource, String table, Duration waitTimeout) {
		super(dataSource, waitTimeout);
		this.table = table;
	}

	@Override
	boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, lockName(connection));
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1) == 1;
			}
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
		String sql = "SELECT p.id, p.host, p.user, p.time FROM information_schema.processlist p"
				+ " WHERE p.id = IS_USED_LOCK(?)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, lockName(connection));
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return null;
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
