package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgraderException;

/**
 * PostgreSQL. DDL is transactional; a session-level advisory lock guards runs.
 */
final class PostgresDialect implements DatabaseDialect {

	/**
	 * Whether a table (or a partitioned one) of this name is reached by unqualified SQL.
	 */
	private static final String TABLE_EXISTS = "EXISTS (SELECT 1 FROM pg_class WHERE oid = to_regclass(?)"
			+ " AND relkind IN ('r', 'p'))";

	private static final String COLUMNS = "SELECT attname::text FROM pg_attribute"
			+ " WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped";

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	/**
	 * The first schema of the search path that has the table, as unqualified SQL finds
	 * it, else {@code current_schema()}, where {@code CREATE TABLE} puts it: not only
	 * {@code current_schema()}, which would miss a log in a later schema of the path and
	 * start a second, empty one (#11).
	 */
	@Override
	public String schema(Connection connection, String table) throws SQLException {
		String sql = "SELECT s.name FROM unnest(current_schemas(false)) WITH ORDINALITY AS s(name, position)"
				+ " WHERE EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE n.nspname = s.name AND c.relname = ?) ORDER BY s.position LIMIT 1";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, table.toLowerCase(Locale.ROOT));
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					return result.getString(1);
				}
			}
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT current_schema(), current_setting('search_path')");
				ResultSet result = statement.executeQuery()) {
			result.next();
			if (result.getString(1) == null) {
				throw new UpgraderException("Cannot find or create the table " + table
						+ ": no schema of the search_path (" + result.getString(2)
						+ ") exists. Create the schema, or correct currentSchema in the JDBC URL.");
			}
			return result.getString(1);
		}
	}

	/**
	 * One cheap query, where the JDBC metadata takes two heavier ones that grow with the
	 * catalog (a thousand tenant schemas): {@code to_regclass} resolves the name as
	 * unqualified SQL does, through the search path. A missing table's search path is
	 * checked by {@link #schema(Connection, String)}, which reports a path without any
	 * schema.
	 */
	@Override
	public boolean hasTable(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT " + TABLE_EXISTS)) {
			statement.setString(1, table);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				if (result.getBoolean(1)) {
					return true;
				}
			}
		}
		schema(connection, table);
		return false;
	}

	@Override
	public LogTables logTables(Connection connection, String log, String failure, boolean withColumns)
			throws SQLException {
		boolean hasLog;
		boolean hasFailure;
		Set<String> columns = new HashSet<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + TABLE_EXISTS + ", " + TABLE_EXISTS + ", ARRAY(" + COLUMNS + ")")) {
			statement.setString(1, log);
			statement.setString(2, failure);
			statement.setString(3, log);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				hasLog = result.getBoolean(1);
				hasFailure = result.getBoolean(2);
				if (hasLog && withColumns) {
					for (Object name : (Object[]) result.getArray(3).getArray()) {
						columns.add(name.toString().toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		if (!hasLog || !hasFailure) {
			// As hasTable does: a missing table must be creatable.
			schema(connection, hasLog ? failure : log);
		}
		return new LogTables(hasLog, hasFailure, columns);
	}

	@Override
	public Set<String> columns(Connection connection, String table) throws SQLException {
		Set<String> names = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
			statement.setString(1, table);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					names.add(result.getString(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		return names;
	}

	/**
	 * PostgreSQL waits for a lock for ever by default, and cannot see a statement of the
	 * upgrade's own connection waiting for a row the upgrade's transaction locked as a
	 * deadlock: {@code lock_timeout} bounds the transaction's lock waits and
	 * {@code idle_in_transaction_session_timeout} ends the transaction while it waits for
	 * such a statement (#11). Both are local to the transaction, so the pool gets the
	 * connection with its own settings back.
	 */
	@Override
	public void limitWaits(Connection connection, Duration timeout) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT set_config('lock_timeout', ?, true), set_config('idle_in_transaction_session_timeout', ?, true)")) {
			String millis = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())) + "ms";
			statement.setString(1, millis);
			statement.setString(2, millis);
			statement.execute();
		}
	}

	@Override
	public UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout) {
		return new PostgresAdvisoryLock(dataSource, table, waitTimeout);
	}

	@Override
	public String currentTimestamp() {
		// CURRENT_TIMESTAMP is the start of the transaction, which may be long past.
		return "clock_timestamp()";
	}

	@Override
	public void useSchema(Connection connection, String schema) throws SQLException {
		// Unquoted, the name folds to lower case as it did in CREATE SCHEMA.
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET search_path TO " + schema);
		}
	}

	/**
	 * Swaps the whole {@code search_path} in one round trip, where
	 * {@link Connection#getSchema()} and {@link #useSchema} take two and give back only
	 * its first schema; the fenced sub-query reads the path before it is set. The schema,
	 * unquoted in the path, folds to lower case as it did in {@code CREATE SCHEMA}.
	 */
	@Override
	public String enterSchema(Connection connection, String schema) throws SQLException {
		return replaceSetting(connection, "search_path", schema);
	}

	/**
	 * Sets a setting of the session, returning the value it replaces, in one round trip:
	 * the fenced sub-query reads the value before it is set.
	 */
	static String replaceSetting(Connection connection, String setting, String value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT previous.value, set_config(?, ?, false)"
				+ " FROM (SELECT current_setting(?) AS value OFFSET 0) previous")) {
			statement.setString(1, setting);
			statement.setString(2, value);
			statement.setString(3, setting);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	@Override
	public void leaveSchema(Connection connection, @Nullable String original) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
			statement.setString(1, original);
			statement.execute();
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
