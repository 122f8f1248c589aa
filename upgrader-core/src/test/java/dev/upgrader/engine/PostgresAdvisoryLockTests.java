package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.UpgradeLockException;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Advisory locks are scoped by database: a session of another database on the same server
 * holding the same key neither blocks the lock nor is its holder (#11).
 */
class PostgresAdvisoryLockTests {

	private HikariDataSource dataSource;

	private String table;

	@BeforeEach
	void prepare() {
		this.dataSource = TestDatabase.POSTGRESQL.dataSource();
		this.table = TestDatabase.uniqueName("ulock");
	}

	@AfterEach
	void cleanUp() {
		this.dataSource.close();
	}

	/** A session of the server's {@code postgres} database. */
	private Connection otherDatabase() throws Exception {
		TestDatabase.Connection settings = TestDatabase.POSTGRESQL.connection();
		String url = settings.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1postgres");
		assertThat(url).as("another database than the test's").isNotEqualTo(settings.url());
		return DriverManager.getConnection(url, settings.user(), settings.password());
	}

	@Test
	void sameKeyHeldInAnotherDatabaseIsNotTheHolder() throws Exception {
		PostgresAdvisoryLock lock = new PostgresAdvisoryLock(this.dataSource, this.table, Duration.ZERO);
		try (Connection other = otherDatabase();
				PreparedStatement statement = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
			statement.setLong(1, lock.key());
			statement.execute();

			assertThat(lock.holder()).isEmpty();
			try (UpgradeLock.Held held = lock.acquire()) {
				assertThat(lock.holder()).hasValueSatisfying(
						(holder) -> assertThat(holder).startsWith("'upgrader on " + HostName.VALUE + " pid "));
			}
		}
	}

	/**
	 * PostgreSQL shows another user's session without its client address or times: the
	 * holder is described by what it does show (#11).
	 */
	@Test
	void holderOfAnotherDatabaseUserIsDescribedByWhatTheDatabaseShows() {
		String role = TestDatabase.uniqueName("uother");
		JdbcTemplate admin = new JdbcTemplate(this.dataSource);
		admin.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + role + "'");
		HikariDataSource restricted = new HikariDataSource();
		restricted.setJdbcUrl(this.dataSource.getJdbcUrl());
		restricted.setUsername(role);
		restricted.setPassword(role);
		try (restricted) {
			PostgresAdvisoryLock lock = new PostgresAdvisoryLock(restricted, this.table, Duration.ofMillis(300));
			try (UpgradeLock.Held held = new PostgresAdvisoryLock(this.dataSource, this.table, Duration.ZERO)
				.acquire()) {
				String user = admin.queryForObject("SELECT current_user", String.class);
				assertThat(lock.holder()).hasValueSatisfying((holder) -> assertThat(holder)
					.startsWith("'upgrader on " + HostName.VALUE + " pid " + ProcessHandle.current().pid()
							+ "' (PostgreSQL backend pid ")
					.contains("database user " + user)
					.doesNotContain("null"));
				assertThatExceptionOfType(UpgradeLockException.class).isThrownBy(lock::acquire)
					.withMessageContaining("held by 'upgrader on ")
					.withMessageNotContaining("null");
			}
		}
		finally {
			admin.execute("DROP ROLE IF EXISTS " + role);
		}
	}

}
