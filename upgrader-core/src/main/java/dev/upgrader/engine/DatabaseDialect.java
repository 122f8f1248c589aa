package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgraderException;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * What differs between databases: the log tables' DDL, whether DDL takes part in
 * transactions, and which lock guards a run. H2, PostgreSQL and MariaDB/MySQL are
 * detected from the JDBC metadata; to support another database, implement this interface
 * and declare it as a bean.
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
	 * Detects the database behind a data source from its JDBC metadata.
	 * @param dataSource the database
	 * @return the dialect
	 * @throws UpgraderException when the database is not supported or cannot be reached
	 */
	static DatabaseDialect detect(DataSource dataSource) {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (Exception ex) {
			throw new UpgraderException("Cannot connect to the database to detect its type: " + RootCause.message(ex),
					ex);
		}
		return KnownDialects.forProductName(product);
	}

}
