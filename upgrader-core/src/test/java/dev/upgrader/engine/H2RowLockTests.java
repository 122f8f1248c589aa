package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.UpgradeLockException;
import dev.upgrader.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The H2 row lock while another session is still creating the lock row, as when instances
 * start together under load (#11): the row's creation is contention to wait for, not a
 * failure.
 */
class H2RowLockTests {

	private HikariDataSource dataSource;

	private String table;

	@BeforeEach
	void prepare() {
		this.dataSource = TestDatabase.H2.dataSource();
		this.table = TestDatabase.uniqueName("ulock");
	}

	@AfterEach
	void cleanUp() {
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	private UpgradeLock lock(Duration waitTimeout) {
		return new H2Dialect().lock(this.dataSource, this.table, waitTimeout);
	}

	/** Another session has inserted the lock row and not committed yet. */
	private Connection creatingTheLockRow() throws Exception {
		Connection other = this.dataSource.getConnection();
		try (Statement statement = other.createStatement()) {
			statement.execute("CREATE TABLE " + this.table + "_lock (id INT NOT NULL PRIMARY KEY)");
			other.setAutoCommit(false);
			statement.execute("INSERT INTO " + this.table + "_lock (id) VALUES (1)");
		}
		return other;
	}

	@Test
	void lockWaitsWhileAnotherSessionCreatesTheLockRow() throws Exception {
		try (Connection other = creatingTheLockRow()) {
			CompletableFuture<UpgradeLock.Held> acquired = CompletableFuture
				.supplyAsync(() -> lock(Duration.ofSeconds(30)).acquire());
			// Several times H2's lock timeout of a single attempt.
			Thread.sleep(1000);
			assertThat(acquired).as("still waiting while the row is not committed").isNotDone();
			other.commit();
			acquired.get(30, TimeUnit.SECONDS).close();
		}
	}

	@Test
	void lockRowCreatedForLongerThanTheWaitTimeoutTimesOut() throws Exception {
		try (Connection other = creatingTheLockRow()) {
			assertThatExceptionOfType(UpgradeLockException.class)
				.isThrownBy(() -> lock(Duration.ofMillis(800)).acquire())
				.withMessageStartingWith(
						"Timed out after PT0.8S waiting for the upgrade lock row lock on " + this.table + "_lock");
			other.rollback();
		}
		lock(Duration.ZERO).acquire().close();
	}

}
