package dev.upgrader.benchmarks.tenants;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The PostgreSQL database of its own the harness works in: the database of
 * {@code UPGRADER_TEST_POSTGRES_URL} (the test suite's variable, defaulting to the local
 * {@code test}) with {@code _bench} appended, created when missing, so that a thousand
 * schemas never land in a database the tests use.
 */
final class BenchDatabase {

	private static final int DROP_BATCH = 50;

	private final String url;

	private final String user;

	private final String password;

	private BenchDatabase(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	/** Creates the database when missing. */
	static BenchDatabase open() throws SQLException {
		String base = env("UPGRADER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = env("UPGRADER_TEST_POSTGRES_USER", "postgres");
		String password = env("UPGRADER_TEST_POSTGRES_PASSWORD", "");
		int query = base.indexOf('?');
		String withoutQuery = (query != -1) ? base.substring(0, query) : base;
		String name = withoutQuery.substring(withoutQuery.lastIndexOf('/') + 1) + "_bench";
		String url = withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + name
				+ ((query != -1) ? base.substring(query) : "");
		try (Connection connection = DriverManager.getConnection(base, user, password);
				Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
				if (!rows.next()) {
					statement.execute("CREATE DATABASE " + name);
				}
			}
		}
		return new BenchDatabase(url, user, password);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	String url() {
		return this.url;
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	/** A pool of a fixed size, every connection opened before the clock starts. */
	HikariDataSource pool(int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.url);
		config.setUsername(this.user);
		config.setPassword(this.password);
		config.setMaximumPoolSize(size);
		config.setMinimumIdle(size);
		HikariDataSource pool = new HikariDataSource(config);
		List<Connection> warm = new ArrayList<>();
		try {
			for (int i = 0; i < size; i++) {
				warm.add(pool.getConnection());
			}
			for (Connection connection : warm) {
				connection.close();
			}
		}
		catch (SQLException ex) {
			pool.close();
			throw new IllegalStateException("Cannot open the pool on " + this.url, ex);
		}
		return pool;
	}

	/** Drops the schemas of the harness, a batch per transaction. */
	void dropSchemas(String prefix) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			List<String> schemas = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery(
					"SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%' ORDER BY nspname")) {
				while (rows.next()) {
					schemas.add(rows.getString(1));
				}
			}
			for (int from = 0; from < schemas.size(); from += DROP_BATCH) {
				statement.execute("DROP SCHEMA "
						+ String.join(", ", schemas.subList(from, Math.min(schemas.size(), from + DROP_BATCH)))
						+ " CASCADE");
			}
		}
	}

	/**
	 * Checks that every schema holds the upgrades' rows and the given count of applied
	 * rows in its tool's history table.
	 */
	void expectUpgraded(List<String> schemas, String historyCount, int expected) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String schema : schemas) {
				try (ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM " + schema + ".orders), ("
						+ historyCount.replace("{schema}", schema) + ")")) {
					rows.next();
					if (rows.getInt(1) != TenantUpgradeFiles.ROWS || rows.getInt(2) != expected) {
						throw new IllegalStateException(
								schema + " has " + rows.getInt(1) + " orders and " + rows.getInt(2)
										+ " applied rows, expected " + TenantUpgradeFiles.ROWS + " and " + expected);
					}
				}
			}
		}
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

}
