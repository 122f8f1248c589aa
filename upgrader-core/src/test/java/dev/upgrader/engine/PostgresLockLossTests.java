package dev.upgrader.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.RunOptions;
import dev.upgrader.UpgradeLockException;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * When the session holding the lock dies mid-run, another instance may take the lock: the
 * run must not commit the upgrade under way, nor start another one.
 */
class PostgresLockLossTests {

	private final HikariDataSource dataSource = TestDatabase.POSTGRESQL.dataSource();

	private final String table = TestDatabase.uniqueName("uloss");

	@AfterEach
	void cleanUp() {
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	@Test
	void upgradeRunningWhenTheLockSessionIsTerminatedIsNotCommitted() {
		PostgresAdvisoryLock lock = new PostgresAdvisoryLock(this.dataSource, this.table, Duration.ofSeconds(5));
		String terminateHolder = "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
				+ " AND objid = " + lock.key() + "::bigint::oid AND granted";
		AtomicBoolean firstAttempt = new AtomicBoolean(true);
		DatabaseDialect dialect = new PostgresDialect();
		UpgradeEngine engine = new UpgradeEngine(this.dataSource, dialect,
				() -> List.of(TestUpgrade.of("r_2026_01_01_first").doing((context) -> {
					if (firstAttempt.getAndSet(false)) {
						context.jdbc().execute(terminateHolder);
					}
				}), TestUpgrade.of("r_2026_01_02_second", "r_2026_01_01_first")),
				new JdbcUpgradeLog(new JdbcTemplate(this.dataSource), this.table, dialect), lock, List.of());

		assertThatExceptionOfType(UpgradeLockException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageContaining("was lost, so another instance may take the lock: stopping the run");
		assertThat(engine.applied()).as("the upgrade that ran when the lock was lost is not committed").isEmpty();

		assertThat(engine.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_01_first",
				"r_2026_01_02_second");
	}

}
