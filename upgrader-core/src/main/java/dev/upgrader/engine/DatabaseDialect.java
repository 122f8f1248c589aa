package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgraderException;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * What differs between databases: the log tables' DDL, whether DDL takes part in
 * transactions, and which lock guards a run. H2, PostgreSQL, MariaDB/MySQL and HSQLDB are
 * detected from the JDBC metadata; any other database gets standard SQL and the lease
 * lock. To support a database better, implement this interface and declare it as a bean.
 * <p>
 * Implementations are stateless and shared. Their {@code toString()} is the database's
 * display name, which messages show.
 *
 * @since 0.1.0
 */
public interface DatabaseDialect {

	/**
	 * The database's short name, used to pick per-database SQL upgrade files
	 * ({@code id.name.sql}) and returned by {@code UpgradeContext.database()}.
	 * @return the name; the display name in lower case unless overridden
	 */
	default String name() {
		return toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * The SQL type of the log's timestamps: millisecond precision, no time zone (the log
	 * writes UTC).
	 * @return the type; {@code TIMESTAMP(3)} unless overridden
	 */
	default String timestampType() {
		return "TIMESTAMP(3)";
	}

	/**
	 * Whether DDL statements take part in transactions, so that a failed upgrade leaves
	 * no schema change behind.
	 * @return {@code true} when a rollback undoes DDL
	 */
	boolean transactionalDdl();

	/**
	 * The schema in which the JDBC metadata finds the log tables.
	 * @param connection a connection to the database
	 * @return the schema, or {@code null} to search the connection's catalog only
	 * @throws SQLException when the connection cannot tell
	 */
	default @Nullable String schema(Connection connection) throws SQLException {
		return connection.getSchema();
	}

	/**
	 * The schema in which the JDBC metadata finds the given table: where unqualified SQL
	 * reaches it, or else where {@code CREATE TABLE} puts it.
	 * @param connection a connection to the database
	 * @param table the table's name, a plain SQL identifier
	 * @return the schema, or {@code null} to search the connection's catalog only
	 * @throws SQLException when the connection cannot tell
	 * @throws UpgraderException when the table can be neither found nor created
	 */
	default @Nullable String schema(Connection connection, String table) throws SQLException {
		return schema(connection);
	}

	/**
	 * Whether unqualified SQL on the connection reaches the table: by default, whether
	 * the JDBC metadata finds it in {@link #schema(Connection, String)}, under each
	 * spelling databases fold unquoted names to.
	 * @param connection a connection to the database
	 * @param table the table's name, a plain SQL identifier
	 * @return {@code true} when the table exists there
	 * @throws SQLException when the database cannot tell
	 * @throws UpgraderException when the table can be neither found nor created
	 * @since 0.1.0
	 */
	default boolean hasTable(Connection connection, String table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String catalog = connection.getCatalog();
		String schema = schema(connection, table);
		for (String candidate : spellings(table)) {
			try (ResultSet tables = metaData.getTables(catalog, schema, candidate, new String[] { "TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Looks up the log table, its failure table and the log table's columns as
	 * {@link #hasTable} and {@link #columns} do. Every run of every tenant starts with
	 * this, so dialects may do it in one round trip.
	 * @param connection a connection to the database
	 * @param log the log table's name, a plain SQL identifier
	 * @param failure the failure table's name, a plain SQL identifier
	 * @param withColumns whether the log table's columns are wanted
	 * @return what was found
	 * @throws SQLException when the database cannot tell
	 * @throws UpgraderException when a table can be neither found nor created
	 * @since 0.1.0
	 */
	default LogTables logTables(Connection connection, String log, String failure, boolean withColumns)
			throws SQLException {
		boolean hasLog = hasTable(connection, log);
		boolean hasFailure = hasTable(connection, failure);
		return new LogTables(hasLog, hasFailure, (hasLog && withColumns) ? columns(connection, log) : Set.of());
	}

	/**
	 * The columns of the table that unqualified SQL on the connection reaches: by default
	 * as the JDBC metadata finds them in {@link #schema(Connection, String)}.
	 * @param connection a connection to the database
	 * @param table the table's name, a plain SQL identifier
	 * @return the column names in lower case; empty when the table does not exist
	 * @throws SQLException when the database cannot tell
	 * @since 0.1.0
	 */
	default Set<String> columns(Connection connection, String table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String catalog = connection.getCatalog();
		String schema = schema(connection, table);
		Set<String> names = new HashSet<>();
		for (String candidate : spellings(table)) {
			try (ResultSet columns = metaData.getColumns(catalog, schema, candidate, null)) {
				while (columns.next()) {
					if (candidate.equals(columns.getString("TABLE_NAME"))) {
						names.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
			if (!names.isEmpty()) {
				return names;
			}
		}
		return names;
	}

	/**
	 * The name as written, in upper and in lower case, each once: databases fold unquoted
	 * names differently, and each spelling costs a metadata query.
	 */
	private static Set<String> spellings(String name) {
		Set<String> spellings = new LinkedHashSet<>();
		spellings.add(name);
		spellings.add(name.toUpperCase(Locale.ROOT));
		spellings.add(name.toLowerCase(Locale.ROOT));
		return spellings;
	}

	/**
	 * Bounds how long the statements of an upgrade's transaction wait, where the database
	 * would otherwise wait for ever, for the rest of that transaction only.
	 * @param connection the connection of the upgrade's transaction
	 * @param timeout the bound, positive
	 * @throws SQLException when the database refuses the setting
	 * @since 0.1.0
	 */
	default void limitWaits(Connection connection, Duration timeout) throws SQLException {
	}

	/**
	 * Makes a connection work in a tenant's schema, so that the upgrades' unqualified
	 * names and the log tables resolve there. The caller restores the connection's
	 * catalog and schema before it goes back to its pool.
	 * @param connection a connection to the database
	 * @param schema the schema, a plain SQL identifier that exists
	 * @throws SQLException when the database refuses
	 */
	default void useSchema(Connection connection, String schema) throws SQLException {
		connection.setSchema(schema);
	}

	/**
	 * Makes a connection work in a tenant's schema as {@link #useSchema} does, returning
	 * what {@link #leaveSchema} needs to give the connection its own schema back. A
	 * tenant's run borrows connections many times, so dialects may do both in fewer round
	 * trips than {@link Connection#getSchema()} and {@link Connection#setSchema(String)}.
	 * @param connection a connection to the database
	 * @param schema the schema, a plain SQL identifier that exists
	 * @return the connection's own schema, or what else the dialect restores
	 * @throws SQLException when the database refuses
	 * @since 0.1.0
	 */
	default @Nullable String enterSchema(Connection connection, String schema) throws SQLException {
		String original = connection.getSchema();
		useSchema(connection, schema);
		return original;
	}

	/**
	 * Gives a connection back the schema {@link #enterSchema} replaced.
	 * @param connection the connection
	 * @param original what {@link #enterSchema} returned
	 * @throws SQLException when the database refuses
	 * @since 0.1.0
	 */
	default void leaveSchema(Connection connection, @Nullable String original) throws SQLException {
		if (original != null) {
			connection.setSchema(original);
		}
	}

	/**
	 * Creates the lock that guards runs and populates on this database. The lock must
	 * follow the contract of {@link UpgradeLock}.
	 * @param dataSource the database
	 * @param table the log table, which scopes the lock: applications with different log
	 * tables do not block each other
	 * @param waitTimeout how long to wait for another holder
	 * @return the lock
	 */
	UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout);

	/**
	 * Whether {@link #lock} is bound to a database session, which the database releases
	 * when its holder dies. Without one the lease lock guards runs by default.
	 * @return {@code true} unless overridden
	 */
	default boolean hasSessionLock() {
		return true;
	}

	/**
	 * Creates the lease lock: a row of the table {@code table_lock} that names its holder
	 * and an expiry on the database's clock, renewed while held, taken over once expired,
	 * and checked in the transaction of every log write. It needs no session affinity, so
	 * it works behind transaction-pooling proxies such as PgBouncer.
	 * @param dataSource the database
	 * @param table the log table, which scopes the lock
	 * @param waitTimeout how long to wait for another holder
	 * @param leaseDuration how long the lease lasts without renewal; a dead holder blocks
	 * others this long at most
	 * @return the lock
	 */
	default UpgradeLock leaseLock(DataSource dataSource, String table, Duration waitTimeout, Duration leaseDuration) {
		return new LeaseLock(dataSource, table + "_lock", this, waitTimeout, leaseDuration);
	}

	/**
	 * The SQL expression of the database's current time that the lease lock uses; it must
	 * be read afresh by each statement, or at least each transaction, and never depend on
	 * the session's time zone when stored in a {@link #leaseTimestampType()} column.
	 * @return the expression; {@code CURRENT_TIMESTAMP} unless overridden
	 */
	default String currentTimestamp() {
		return "CURRENT_TIMESTAMP";
	}

	/**
	 * The SQL type of the lease lock's times: a type {@code WITH TIME ZONE}, or a type
	 * without a zone when {@link #currentTimestamp()} gives UTC.
	 * @return the type; {@code TIMESTAMP(3) WITH TIME ZONE} unless overridden
	 */
	default String leaseTimestampType() {
		return "TIMESTAMP(3) WITH TIME ZONE";
	}

	/**
	 * Detects the database behind a data source from its JDBC metadata.
	 * @param dataSource the database
	 * @return the dialect
	 * @throws UpgraderException when the database cannot be reached
	 */
	static DatabaseDialect detect(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, KnownDialects::forMetaData);
		}
		catch (Exception ex) {
			throw new UpgraderException("Cannot connect to the database" + DataSourceUrl.describe(dataSource)
					+ " to detect its type: " + RootCause.message(ex), ex);
		}
	}

	/**
	 * The log table and its failure table, as {@link #logTables} found them.
	 *
	 * @param log whether the log table exists
	 * @param failure whether the failure table exists
	 * @param columns the log table's columns in lower case when they were asked for and
	 * it exists; else empty
	 * @since 0.1.0
	 */
	record LogTables(boolean log, boolean failure, Set<String> columns) {

	}

}
