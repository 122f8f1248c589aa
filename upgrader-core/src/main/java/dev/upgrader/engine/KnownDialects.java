package dev.upgrader.engine;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgraderException;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The built-in dialects, by the database product names that JDBC metadata reports.
 */
final class KnownDialects {

	private static final DatabaseDialect MYSQL = new MySqlDialect();

	private static final Map<String, DatabaseDialect> BY_COMMON_NAME = Map.of("H2", new H2Dialect(), "PostgreSQL",
			new PostgresDialect(), "MariaDB", MYSQL, "MySQL", MYSQL);

	private KnownDialects() {
	}

	/**
	 * Finds the dialect of a database.
	 * @param product the product name from the JDBC metadata
	 * @return the dialect
	 * @throws UpgraderException naming the product when no dialect supports it
	 */
	static DatabaseDialect forProductName(@Nullable String product) {
		DatabaseDialect dialect = (product != null) ? BY_COMMON_NAME.get(JdbcUtils.commonDatabaseName(product)) : null;
		if (dialect == null) {
			throw new UpgraderException(
					"Unsupported database '" + product + "': Upgrader supports H2, PostgreSQL, MariaDB and MySQL");
		}
		return dialect;
	}

}
