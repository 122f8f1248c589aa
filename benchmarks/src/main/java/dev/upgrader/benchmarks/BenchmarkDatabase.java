package dev.upgrader.benchmarks;

import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The databases the benchmarks run against: a private H2 in-memory database, or the
 * PostgreSQL named by {@code UPGRADER_TEST_POSTGRES_URL}/{@code _USER}/{@code _PASSWORD}
 * (the test suite's variables, defaulting to the local server). Both sit behind HikariCP,
 * as in a Spring Boot application.
 */
final class BenchmarkDatabase implements AutoCloseable {

	private final HikariDataSource dataSource;

	private BenchmarkDatabase(HikariDataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Opens {@code h2} or {@code postgresql}. */
	static BenchmarkDatabase open(String name) {
		HikariConfig config = new HikariConfig();
		switch (name) {
			case "h2" -> config.setJdbcUrl("jdbc:h2:mem:" + uniqueName("bench") + ";DB_CLOSE_DELAY=-1");
			case "postgresql" -> {
				config.setJdbcUrl(env("UPGRADER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
				config.setUsername(env("UPGRADER_TEST_POSTGRES_USER", "postgres"));
				config.setPassword(env("UPGRADER_TEST_POSTGRES_PASSWORD", ""));
			}
			default -> throw new IllegalArgumentException("Unknown database " + name);
		}
		// The engine holds its lock on one connection while it works on another.
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(4);
		return new BenchmarkDatabase(new HikariDataSource(config));
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
	 * Creates an empty schema: Flyway refuses to start on a non-empty one without a
	 * history table.
	 */
	void createSchema(String schema) {
		jdbc().execute("CREATE SCHEMA " + schema);
	}

	void dropSchema(String schema) {
		jdbc().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
	}

	/** Copies a table with its keys, indexes and rows (PostgreSQL). */
	void copy(String template, String table) {
		jdbc().execute("CREATE TABLE " + table + " (LIKE " + template + " INCLUDING ALL)");
		jdbc().execute("INSERT INTO " + table + " SELECT * FROM " + template);
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
