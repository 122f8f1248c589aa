package dev.upgrader.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
 * The built-in session locks on every database: a waiting instance waits inside the
 * database, and the pool gets its connections back with the settings they had (#11).
 */
abstract class AbstractSessionLockContractTests {

	private final TestDatabase database;

	/** A pool of one connection, so that every call sees the connection the lock used. */
	private HikariDataSource single;

	private HikariDataSource other;

	private String table;

	AbstractSessionLockContractTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void prepare() {
		this.single = this.database.dataSource();
		this.single.setMaximumPoolSize(1);
		this.other = this.database.dataSource();
		if (this.database == TestDatabase.H2) {
			this.other.setJdbcUrl(this.single.getJdbcUrl());
		}
		this.table = TestDatabase.uniqueName("uslock");
	}

	@AfterEach
	void cleanUp() {
		TestDatabase.dropLogTables(this.other, this.table);
		this.single.close();
		this.other.close();
	}

	private UpgradeLock lock(HikariDataSource dataSource, Duration wait) {
		return DatabaseDialect.detect(dataSource).lock(dataSource, this.table, wait);
	}

	/** The session settings a lock could change, as one text. */
	abstract String sessionSettings(JdbcTemplate jdbc);

	/** How many sessions wait inside the database for a lock. */
	abstract int waitingSessions(JdbcTemplate jdbc);

	@Test
	void connectionsGoBackToThePoolWithTheSettingsTheyHad() {
		JdbcTemplate jdbc = new JdbcTemplate(this.single);
		String before = sessionSettings(jdbc);
		UpgradeLock lock = lock(this.single, Duration.ofSeconds(5));

		lock.acquire().close();
		assertThat(sessionSettings(jdbc)).as("after a run's lock").isEqualTo(before);
		assertThat(lock.holder()).isEmpty();
		assertThat(sessionSettings(jdbc)).as("after asking for the holder of a free lock").isEqualTo(before);
		try (UpgradeLock.Held held = lock(this.other, Duration.ZERO).acquire()) {
			assertThat(lock.holder()).isPresent();
			assertThat(sessionSettings(jdbc)).as("after asking for the holder of a held lock").isEqualTo(before);
			assertThatExceptionOfType(UpgradeLockException.class)
				.isThrownBy(() -> lock(this.single, Duration.ofMillis(300)).acquire());
			assertThat(sessionSettings(jdbc)).as("after timing out").isEqualTo(before);
		}
	}

	@Test
	void aWaitingInstanceWaitsInsideTheDatabaseAndGetsTheLockOnceFree() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(this.other);
		UpgradeLock.Held held = lock(this.other, Duration.ZERO).acquire();
		CompletableFuture<UpgradeLock.Held> waiting = CompletableFuture
			.supplyAsync(() -> lock(this.single, Duration.ofSeconds(30)).acquire());
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (waitingSessions(jdbc) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(waitingSessions(jdbc)).as("sessions waiting in the database").isOne();
		assertThat(waiting).isNotDone();
		held.close();
		waiting.get(30, TimeUnit.SECONDS).close();
	}

	@Test
	void aWaitTimeoutOfZeroFailsAtOnceNamingTheHolder() {
		try (UpgradeLock.Held held = lock(this.other, Duration.ZERO).acquire()) {
			assertThatExceptionOfType(UpgradeLockException.class)
				.isThrownBy(() -> lock(this.single, Duration.ZERO).acquire())
				.withMessageStartingWith("Timed out after PT0S waiting for the upgrade lock")
				.withMessageNotContaining("an unknown session");
		}
		lock(this.single, Duration.ZERO).acquire().close();
	}

}
