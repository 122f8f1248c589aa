package dev.upgrader.process;

import java.nio.file.Path;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import dev.upgrader.testsupport.TestDatabase;

/**
 * The database shared by the processes of one test. PostgreSQL and MariaDB come from
 * {@link TestDatabase}; H2 is a file database in the test's directory opened with
 * {@code AUTO_SERVER=TRUE}, so that the first JVM to open it serves it to the others over
 * TCP.
 */
final class ProcessDatabase {

	private ProcessDatabase() {
	}

	static TestDatabase.Connection connection(TestDatabase database, Path directory) {
		if (database == TestDatabase.H2) {
			return new TestDatabase.Connection(h2Url(directory), "sa", "");
		}
		return database.connection();
	}

	static String h2Url(Path directory) {
		return "jdbc:h2:file:" + directory.resolve("upgrader").toAbsolutePath() + ";AUTO_SERVER=TRUE";
	}

	/** A small pool for the test's own checks; on H2 it makes this JVM the server. */
	static HikariDataSource dataSource(TestDatabase.Connection connection) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(connection.url());
		dataSource.setUsername(connection.user());
		dataSource.setPassword(connection.password());
		dataSource.setMaximumPoolSize(2);
		return dataSource;
	}

	/** The settings of a test application, as the system properties of its JVM. */
	static Map<String, String> properties(TestDatabase.Connection connection) {
		return Map.of("spring.datasource.url", connection.url(), "spring.datasource.username", connection.user(),
				"spring.datasource.password", connection.password(), "spring.datasource.hikari.maximum-pool-size", "3",
				"spring.datasource.hikari.minimum-idle", "1", "spring.main.banner-mode", "off", "logging.level.root",
				"WARN", "logging.level.dev.upgrader", "INFO");
	}

}
