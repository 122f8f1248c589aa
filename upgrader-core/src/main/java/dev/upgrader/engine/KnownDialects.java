package dev.upgrader.engine;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.support.JdbcUtils;

/**
 * The built-in dialects, by the database product names that JDBC metadata reports; any
 * other database gets the {@link GenericDialect}.
 */
final class KnownDialects {

	private static final DatabaseDialect MYSQL = new MySqlDialect();

	private static final Map<String, DatabaseDialect> BY_COMMON_NAME = Map.of("H2", new H2Dialect(), "PostgreSQL",
			new PostgresDialect(), "MariaDB", MYSQL, "MySQL", MYSQL, "HSQL Database Engine", new HsqldbDialect());

	private KnownDialects() {
	}

	/**
	 * Finds the built-in dialect of a database.
	 * @param product the product name from the JDBC metadata
	 * @return the dialect, or {@code null} when none knows the product
	 */
	static @Nullable DatabaseDialect forProductName(@Nullable String product) {
		return (product != null) ? BY_COMMON_NAME.get(JdbcUtils.commonDatabaseName(product)) : null;
	}

	/**
	 * Finds the dialect of a database: the built-in one, or the generic dialect.
	 * @param metaData the database's metadata
	 * @return the dialect
	 * @throws SQLException when the metadata cannot be read
	 */
	static DatabaseDialect forMetaData(DatabaseMetaData metaData) throws SQLException {
		String product = metaData.getDatabaseProductName();
		DatabaseDialect known = forProductName(product);
		return (known != null) ? known : GenericDialect.guess((product != null) ? product : "unnamed", metaData);
	}

}
