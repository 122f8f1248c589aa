package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * H2 has no advisory locks: the lock is the single row of a lock table, selected
 * {@code FOR UPDATE} in a transaction that stays open on the dedicated connection. H2
 * ends the transaction, and the lock, with the session.
 */
final class H2RowLock extends LockConnection {

	private static final int LOCK_TIMEOUT = 50200;

	private static final int CONCURRENT_UPDATE = 90131;

	private static final int DUPLICATE_KEY = 23505;

	private static final int TABLE_NOT_FOUND = 42102;

	private final String lockTable;

	H2RowLock(DataSource dataSource, String lockTable, Duration waitTimeout) {
		super(dataSource, waitTimeout);
		this.lockTable = lockTable;
	}

	@Override
	boolean tryLock(Connection connection, Duration wait) throws SQLException {
		// H2 waits for the row lock itself, for the session's LOCK_TIMEOUT: set it to
		// the wait, then back, so the pool gets the connection as it was (#11).
		int previous = lockTimeout(connection);
		// LOCK_TIMEOUT 0 is not "no wait": H2 then waits about two seconds.
		setLockTimeout(connection, (int) Math.max(1, Math.min(Integer.MAX_VALUE, wait.toMillis())));
		try {
			return lockRow(connection);
		}
		finally {
			setLockTimeout(connection, previous);
		}
	}

	private boolean lockRow(Connection connection) throws SQLException {
		if (connection.getAutoCommit()) {
			if (!createLockRow(connection)) {
				return false;
			}
			connection.setAutoCommit(false);
		}
		try (Statement statement = statementOn(connection);
				ResultSet row = statement
					.executeQuery("SELECT id FROM " + this.lockTable + " WHERE id = 1 FOR UPDATE")) {
			if (row.next()) {
				return true;
			}
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == LOCK_TIMEOUT) {
				unlock(connection);
				return false;
			}
			throw ex;
		}
		// No row to lock: another session has not committed it yet, or it was deleted.
		unlock(connection);
		return false;
	}

	/**
	 * A statement on the pooled connection's own connection: a pool such as HikariCP
	 * takes H2's lock timeout, an {@code SQLTimeoutException}, for a broken connection
	 * and closes it, and the lock would then lose its connection while waiting.
	 */
	private static Statement statementOn(Connection connection) throws SQLException {
		return connection.unwrap(Connection.class).createStatement();
	}

	private static int lockTimeout(Connection connection) throws SQLException {
		try (Statement statement = statementOn(connection);
				ResultSet result = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
			result.next();
			return result.getInt(1);
		}
	}

	private static void setLockTimeout(Connection connection, int millis) throws SQLException {
		try (Statement statement = statementOn(connection)) {
			statement.execute("SET LOCK_TIMEOUT " + millis);
		}
	}

	/**
	 * Creates the lock table and its row unless they exist.
	 * @return {@code false} when another session is creating them at the same time, a
	 * contention to wait for like a held lock (#11)
	 */
	private boolean createLockRow(Connection connection) throws SQLException {
		try (Statement statement = statementOn(connection)) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + this.lockTable + " (id INT NOT NULL PRIMARY KEY)");
			// A plain read does not wait for the holder's row lock, unlike MERGE.
			statement.execute("INSERT INTO " + this.lockTable + " (id) SELECT 1 WHERE NOT EXISTS (SELECT id FROM "
					+ this.lockTable + " WHERE id = 1)");
			return true;
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == DUPLICATE_KEY) {
				return true;
			}
			if (ex.getErrorCode() == LOCK_TIMEOUT || ex.getErrorCode() == CONCURRENT_UPDATE) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	void unlock(Connection connection) throws SQLException {
		connection.rollback();
		connection.setAutoCommit(true);
	}

	@Override
	@Nullable String holder(Connection connection) throws SQLException {
		int previous = lockTimeout(connection);
		try (Statement statement = statementOn(connection)) {
			statement.execute("SET LOCK_TIMEOUT 1");
			connection.setAutoCommit(false);
			statement.executeQuery("SELECT id FROM " + this.lockTable + " WHERE id = 1 FOR UPDATE").close();
			return null;
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == LOCK_TIMEOUT) {
				return "another session of this H2 database";
			}
			if (ex.getErrorCode() >= TABLE_NOT_FOUND && ex.getErrorCode() <= TABLE_NOT_FOUND + 2) {
				return null;
			}
			throw ex;
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(true);
			setLockTimeout(connection, previous);
		}
	}

	@Override
	String name() {
		return "row lock on " + this.lockTable;
	}

}
