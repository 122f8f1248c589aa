package dev.upgrader.benchmarks;

import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The databases the benchmarks run against: a private H2 in-memory database, the
 * PostgreSQL named by {@code UPGRADER_TEST_POSTGRES_URL}/{@code _USER}/{@code _PASSWORD}
 * or the MariaDB named by
 * {@code UPGRADER_TEST_MARIADB_URL}/{@code _USER}/{@code _PASSWORD} (the test suite's
 * variables, defaulting to the local servers). All sit behind HikariCP, as in a Spring
 * Boot application.
 */
final class BenchmarkDatabase implements AutoCloseable {

	private final String name;

	private final HikariDataSource dataSource;

	private BenchmarkDatabase(String name, HikariDataSource dataSource) {
		this.name = name;
		this.dataSource = dataSource;
	}

	/** Opens {@code h2}, {@code postgresql} or {@code mariadb}. */
	static BenchmarkDatabase open(String name) {
		HikariConfig config = new HikariConfig();
		switch (name) {
			case "h2" -> config.setJdbcUrl("jdbc:h2:mem:" + uniqueName("bench") + ";DB_CLOSE_DELAY=-1");
			case "postgresql" -> {
				config.setJdbcUrl(env("UPGRADER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
				config.setUsername(env("UPGRADER_TEST_POSTGRES_USER", "postgres"));
				config.setPassword(env("UPGRADER_TEST_POSTGRES_PASSWORD", ""));
			}
			case "mariadb" -> {
				config.setJdbcUrl(env("UPGRADER_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test"));
				config.setUsername(env("UPGRADER_TEST_MARIADB_USER", "root"));
				config.setPassword(env("UPGRADER_TEST_MARIADB_PASSWORD", ""));
			}
			default -> throw new IllegalArgumentException("Unknown database " + name);
		}
		// The engine holds its lock on one connection while it works on another.
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(4);
		return new BenchmarkDatabase(name, new HikariDataSource(config));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/**
	 * A lower-case name no other run uses, so parallel runs and forks never share a
	 * table.
	 */
	static String uniqueName(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	JdbcTemplate jdbc() {
		return new JdbcTemplate(this.dataSource);
	}

	/** Drops tables if they exist. */
	void drop(String... tables) {
		for (String table : tables) {
			jdbc().execute("DROP TABLE IF EXISTS " + table);
		}
	}

	/**
	 * Creates an empty schema (on MariaDB a database): Flyway refuses to start on a
	 * non-empty one without a history table.
	 */
	void createSchema(String schema) {
		jdbc().execute("CREATE SCHEMA " + schema);
	}

	void dropSchema(String schema) {
		jdbc().execute("DROP SCHEMA IF EXISTS " + schema + (mariadb() ? "" : " CASCADE"));
	}

	/** Copies a table with its keys, indexes and rows (PostgreSQL or MariaDB). */
	void copy(String template, String table) {
		jdbc().execute(mariadb() ? "CREATE TABLE " + table + " LIKE " + template
				: "CREATE TABLE " + table + " (LIKE " + template + " INCLUDING ALL)");
		jdbc().execute("INSERT INTO " + table + " SELECT * FROM " + template);
	}

	/**
	 * A table of the integers {@code from} to {@code to} in a column {@code n}, for an
	 * {@code INSERT ... SELECT} that writes many rows at once (PostgreSQL or MariaDB).
	 */
	String numbers(int from, int to) {
		return mariadb() ? "(SELECT seq AS n FROM seq_" + from + "_to_" + to + ") g"
				: "generate_series(" + from + ", " + to + ") AS g(n)";
	}

	private boolean mariadb() {
		return this.name.equals("mariadb");
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
