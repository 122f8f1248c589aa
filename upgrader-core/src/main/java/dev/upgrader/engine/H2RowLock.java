package dev.upgrader.engine;

import java.sql.Connection;
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

	private static final int DUPLICATE_KEY = 23505;

	private static final int TABLE_NOT_FOUND = 42102;

	private final String lockTable;

	H2RowLock(DataSource dataSource, String lockTable, Duration waitTimeout) {
		super(dataSource, waitTimeout);
		this.lockTable = lockTable;
	}

	@Override
	boolean tryLock(Connection connection) throws SQLException {
		if (connection.getAutoCommit()) {
			createLockRow(connection);
			connection.setAutoCommit(false);
		}
		try (Statement statement = connection.createStatement()) {
			statement.executeQuery("SELECT id FROM " + this.lockTable + " WHERE id = 1 FOR UPDATE").close();
			return true;
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == LOCK_TIMEOUT) {
				return false;
			}
			throw ex;
		}
	}

	private void createLockRow(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCK_TIMEOUT 200");
			statement.execute("CREATE TABLE IF NOT EXISTS " + this.lockTable + " (id INT NOT NULL PRIMARY KEY)");
			// A plain read does not wait for the holder's row lock, unlike MERGE.
			statement.execute("INSERT INTO " + this.lockTable + " (id) SELECT 1 WHERE NOT EXISTS (SELECT id FROM "
					+ this.lockTable + " WHERE id = 1)");
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

	@Override
	void unlock(Connection connection) throws SQLException {
		connection.rollback();
		connection.setAutoCommit(true);
	}

	@Override
	@Nullable String holder(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCK_TIMEOUT 0");
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
		}
	}

	@Override
	String name() {
		return "row lock on " + this.lockTable;
	}

}
