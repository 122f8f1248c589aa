package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import dev.upgrader.UpgraderException;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * What differs between the supported databases: the log table's DDL, whether DDL takes
 * part in transactions, and which lock guards a run.
 *
 * @since 0.1.0
 */
public enum DatabaseDialect {

	/**
	 * H2 2.x. DDL commits implicitly; a row lock held in an open transaction guards runs.
	 */
	H2("TIMESTAMP(3)", false) {
		@Override
		public UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout) {
			return new H2RowLock(dataSource, table + "_lock", waitTimeout);
		}
	},

	/** PostgreSQL. DDL is transactional; a session-level advisory lock guards runs. */
	POSTGRESQL("TIMESTAMP(3)", true) {
		@Override
		public UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout) {
			return new PostgresAdvisoryLock(dataSource, table, waitTimeout);
		}
	},

	/** MariaDB and MySQL. DDL commits implicitly; {@code GET_LOCK} guards runs. */
	MYSQL("DATETIME(3)", false) {
		@Override
		public UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout) {
			return new MySqlNamedLock(dataSource, table, waitTimeout);
		}
	};

	private final String timestampType;

	private final boolean transactionalDdl;

	DatabaseDialect(String timestampType, boolean transactionalDdl) {
		this.timestampType = timestampType;
		this.transactionalDdl = transactionalDdl;
	}

	/**
	 * Creates the lock that guards runs and populates on this database.
	 * @param dataSource the database
	 * @param table the log table, which scopes the lock
	 * @param waitTimeout how long to wait for another holder
	 * @return the lock
	 */
	public abstract UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout);

	/**
	 * Whether DDL statements take part in transactions, so that a failed upgrade leaves
	 * no schema change behind.
	 * @return {@code true} for PostgreSQL
	 */
	public boolean transactionalDdl() {
		return this.transactionalDdl;
	}

	String createLogTable(String table) {
		return "CREATE TABLE " + table + " (upgrade VARCHAR(255) NOT NULL PRIMARY KEY, applied " + this.timestampType
				+ " NOT NULL, kind VARCHAR(16) NOT NULL, duration_ms BIGINT, applied_by VARCHAR(255) NOT NULL,"
				+ " info VARCHAR(1000) NOT NULL)";
	}

	String createFailureTable(String table) {
		return "CREATE TABLE " + table + " (upgrade VARCHAR(255) NOT NULL PRIMARY KEY, failed_at " + this.timestampType
				+ " NOT NULL, attempts INT NOT NULL, message VARCHAR(2000) NOT NULL, failed_by VARCHAR(255) NOT NULL)";
	}

	/**
	 * Detects the database behind a data source from its JDBC metadata.
	 * @param dataSource the database
	 * @return the dialect
	 * @throws UpgraderException when the database is not supported or cannot be reached
	 */
	public static DatabaseDialect detect(DataSource dataSource) {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (Exception ex) {
			throw new UpgraderException("Cannot connect to the database to detect its type: " + rootMessage(ex), ex);
		}
		return fromProductName(product);
	}

	static DatabaseDialect fromProductName(String product) {
		String name = product.toLowerCase(Locale.ROOT);
		if (name.contains("h2")) {
			return H2;
		}
		if (name.contains("postgresql")) {
			return POSTGRESQL;
		}
		if (name.contains("mariadb") || name.contains("mysql")) {
			return MYSQL;
		}
		throw new UpgraderException(
				"Unsupported database '" + product + "': Upgrader supports H2, PostgreSQL, MariaDB and MySQL");
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getName();
	}

	static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// The connection is being discarded; a failure to close it changes nothing.
		}
	}

}
