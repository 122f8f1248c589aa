package dev.upgrader.testsupport;

import java.sql.DriverManager;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A database the contract tests run on. PostgreSQL and MariaDB come from
 * {@code UPGRADER_TEST_POSTGRES_URL/_USER/_PASSWORD} and the same for {@code MARIADB}
 * (environment or system property, lower case with dots), defaulting to the local
 * servers; when none is reachable and a Docker engine exists, from Testcontainers.
 * {@code PGBOUNCER} is PostgreSQL through PgBouncer, from
 * {@code UPGRADER_TEST_PGBOUNCER_*}. Unreachable databases skip the tests unless
 * {@code upgrader.test.databases=required}, which makes them fail (CI).
 */
public enum TestDatabase {

	H2(null, "jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1", "sa", ""),

	HSQLDB(null, "jdbc:hsqldb:mem:%s", "SA", ""),

	POSTGRESQL("POSTGRES", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),

	MARIADB("MARIADB", "jdbc:mariadb://127.0.0.1:3306/test", "root", ""),

	/**
	 * The PostgreSQL database through PgBouncer in transaction pooling mode
	 * ({@code scripts/ensure-pgbouncer.sh}), which does not keep a client's session on
	 * one server connection.
	 */
	PGBOUNCER("PGBOUNCER", "jdbc:postgresql://127.0.0.1:6432/test?prepareThreshold=0", "postgres", "");

	private final String key;

	private final String defaultUrl;

	private final String defaultUser;

	private final String defaultPassword;

	private volatile Connection details;

	TestDatabase(String key, String defaultUrl, String defaultUser, String defaultPassword) {
		this.key = key;
		this.defaultUrl = defaultUrl;
		this.defaultUser = defaultUser;
		this.defaultPassword = defaultPassword;
	}

	/**
	 * A new pooled data source on this database; for H2 and HSQLDB a fresh in-memory
	 * database.
	 */
	public HikariDataSource dataSource() {
		Connection connection = connection();
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(connection.url());
		dataSource.setUsername(connection.user());
		dataSource.setPassword(connection.password());
		dataSource.setMaximumPoolSize(4);
		dataSource.setPoolName("test-" + name().toLowerCase(Locale.ROOT));
		return dataSource;
	}

	/** Connection settings, for tests that start whole applications. */
	public Connection connection() {
		if (this.key == null) {
			return new Connection(String.format(this.defaultUrl, "t" + UUID.randomUUID().toString().replace("-", "")),
					this.defaultUser, this.defaultPassword);
		}
		Connection resolved = this.details;
		if (resolved == null) {
			resolved = resolve();
			this.details = resolved;
		}
		return resolved;
	}

	private Connection resolve() {
		String url = setting("URL", null);
		Connection configured = new Connection((url != null) ? url : this.defaultUrl, setting("USER", this.defaultUser),
				setting("PASSWORD", this.defaultPassword));
		String failure = reach(configured);
		if (failure == null) {
			return configured;
		}
		if (url == null && this != PGBOUNCER && dockerAvailable()) {
			return container();
		}
		String message = name() + " is not reachable at " + configured.url() + " (" + failure + ")";
		if ("required".equals(System.getProperty("upgrader.test.databases"))) {
			throw new IllegalStateException(message + " and upgrader.test.databases=required");
		}
		Assumptions.abort(message);
		return configured;
	}

	private String setting(String name, String defaultValue) {
		String env = System.getenv("UPGRADER_TEST_" + this.key + "_" + name);
		if (env != null && !env.isEmpty()) {
			return env;
		}
		return System.getProperty(("upgrader.test." + this.key + "." + name).toLowerCase(Locale.ROOT), defaultValue);
	}

	private static String reach(Connection connection) {
		try (java.sql.Connection jdbc = DriverManager.getConnection(connection.url(), connection.user(),
				connection.password())) {
			return jdbc.isValid(5) ? null : "connection not valid";
		}
		catch (Exception ex) {
			return ex.getMessage();
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	private Connection container() {
		JdbcDatabaseContainer<?> container = (this == POSTGRESQL) ? new PostgreSQLContainer("postgres:15")
				: new MariaDBContainer("mariadb:10.11");
		container.start();
		return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	/** A unique, lower-case table name for one test. */
	public static String uniqueName(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/**
	 * JDBC connection settings.
	 *
	 * @param url the JDBC URL
	 * @param user the user
	 * @param password the password
	 */
	public record Connection(String url, String user, String password) {

		/** The settings as Spring Boot properties. */
		public String[] properties() {
			return new String[] { "spring.datasource.url=" + this.url, "spring.datasource.username=" + this.user,
					"spring.datasource.password=" + this.password };
		}

	}

	/**
	 * Creates a new, empty namespace for one test, as a fresh installation has: a schema
	 * that is the connections' current schema on PostgreSQL, a database on MariaDB, a
	 * fresh in-memory database on H2 and HSQLDB. {@link #dropNamespace} drops it.
	 * @param namespace its name, such as {@link #uniqueName}'s
	 * @return the connection settings that use it
	 */
	public Connection createNamespace(String namespace) {
		Connection server = connection();
		if (this.key == null) {
			return server;
		}
		if (this == MARIADB) {
			serverJdbc(server).execute("CREATE DATABASE " + namespace);
			return new Connection(server.url().replaceFirst("^(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + namespace),
					server.user(), server.password());
		}
		serverJdbc(server).execute("CREATE SCHEMA " + namespace);
		return new Connection(server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + namespace,
				server.user(), server.password());
	}

	/**
	 * Drops a namespace of {@link #createNamespace} and everything in it.
	 * @param namespace its name
	 */
	public void dropNamespace(String namespace) {
		if (this.key != null) {
			serverJdbc(connection()).execute((this == MARIADB) ? "DROP DATABASE IF EXISTS " + namespace
					: "DROP SCHEMA IF EXISTS " + namespace + " CASCADE");
		}
	}

	private static org.springframework.jdbc.core.JdbcTemplate serverJdbc(Connection server) {
		return new org.springframework.jdbc.core.JdbcTemplate(
				new org.springframework.jdbc.datasource.DriverManagerDataSource(server.url(), server.user(),
						server.password()));
	}

	/**
	 * Drops an upgrade log table and the tables Upgrader keeps beside it, if they exist.
	 */
	public static void dropLogTables(DataSource dataSource, String table) {
		dropTables(dataSource, table, table + "_lock", table + "_failure");
	}

	/** Drops tables if they exist, ignoring the ones that do not. */
	public static void dropTables(DataSource dataSource, String... tables) {
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		for (String table : tables) {
			jdbc.execute("DROP TABLE IF EXISTS " + table);
		}
	}

	/**
	 * Drops tenants' schemas (MariaDB: databases) and everything in them, if they exist.
	 */
	public void dropSchemas(DataSource dataSource, java.util.Collection<String> schemas) {
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		for (String schema : schemas) {
			jdbc.execute((this == MARIADB) ? "DROP DATABASE IF EXISTS " + schema
					: "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

}
