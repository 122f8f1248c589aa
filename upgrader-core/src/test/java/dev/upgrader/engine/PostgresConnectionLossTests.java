package dev.upgrader.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.UpgradeLockException;
import dev.upgrader.testsupport.TableQueries;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL ends a run's sessions while an upgrade is under way
 * ({@code pg_terminate_backend}, as a failover, a DBA or a network cut would). The
 * engine's connections carry a unique {@code ApplicationName}, so the test finds their
 * backends.
 */
class PostgresConnectionLossTests {

	private static final String FIRST = "loss_2026_01_01_first";

	private static final String SLOW = "loss_2026_01_02_slow";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final String application = TestDatabase.uniqueName("upgrader_loss");

	private HikariDataSource dataSource;

	private HikariDataSource admin;

	private JdbcTemplate jdbc;

	private String table;

	private String executions;

	private String half;

	private final CountDownLatch inside = new CountDownLatch(1);

	private final CountDownLatch proceed = new CountDownLatch(1);

	private final AtomicBoolean blockNextAttempt = new AtomicBoolean(true);

	@BeforeEach
	void prepare() {
		this.admin = TestDatabase.POSTGRESQL.dataSource();
		TestDatabase.Connection connection = TestDatabase.POSTGRESQL.connection();
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(connection.url() + (connection.url().contains("?") ? "&" : "?") + "ApplicationName="
				+ this.application);
		this.dataSource.setUsername(connection.user());
		this.dataSource.setPassword(connection.password());
		this.dataSource.setMaximumPoolSize(4);
		this.jdbc = new JdbcTemplate(this.admin);
		this.table = TestDatabase.uniqueName("uloss");
		this.executions = TestDatabase.uniqueName("uexec");
		this.half = TestDatabase.uniqueName("uhalf");
		this.jdbc.execute("CREATE TABLE " + this.executions + " (upgrade VARCHAR(100) NOT NULL)");
	}

	@AfterEach
	void cleanUp() {
		this.proceed.countDown();
		this.dataSource.close();
		TestDatabase.dropTables(this.admin, this.executions, this.half);
		TestDatabase.dropLogTables(this.admin, this.table);
		this.admin.close();
	}

	@Test
	void upgradeWhoseSessionIsTerminatedFailsNamingItAndTheNextRunAppliesIt() throws Exception {
		UpgradeEngine engine = engine();
		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> engine.run(RunOptions.unattended()));
		assertThat(this.inside.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("upgrade started").isTrue();
		// The upgrade's transaction is the only one of this application left open.
		List<Integer> upgradeBackend = backends("state = 'idle in transaction'");
		assertThat(upgradeBackend).hasSize(1);
		terminate(upgradeBackend);
		this.proceed.countDown();
		Throwable failure = failureOf(run);
		assertThat(failure).isInstanceOf(UpgradeFailedException.class).hasMessageContaining(SLOW);
		assertThat(((UpgradeFailedException) failure).getUpgradeId()).isEqualTo(SLOW);
		assertThat(logRows()).containsExactly(FIRST);
		assertThat(TableQueries.executionCounts(this.jdbc, this.executions)).isEqualTo(Map.of(FIRST, 1));
		assertThat(TableQueries.rowsOrNullIfMissing(this.jdbc, this.half))
			.as("table created by the interrupted upgrade")
			.isNull();
		assertThat(engine().run(RunOptions.unattended()).applied()).containsExactly(SLOW);
		assertAppliedOnce();
	}

	/**
	 * The lock lives in the session of its own connection: when that session ends the
	 * database frees the lock while the run goes on, and another instance could take it
	 * and start the same upgrade. The run must notice before committing the upgrade.
	 */
	@Test
	void runWhoseLockSessionIsTerminatedDoesNotCommitItsUpgrade() throws Exception {
		UpgradeEngine engine = engine();
		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> engine.run(RunOptions.unattended()));
		assertThat(this.inside.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("upgrade started").isTrue();
		long key = new PostgresAdvisoryLock(this.dataSource, this.table, WAIT).key();
		List<Integer> lockBackend = this.jdbc.queryForList("SELECT pid FROM pg_locks WHERE locktype = 'advisory'"
				+ " AND granted AND objid = " + key + "::bigint::oid", Integer.class);
		assertThat(lockBackend).hasSize(1);
		terminate(lockBackend);
		try (UpgradeLock.Held other = new PostgresDialect().lock(this.admin, this.table, Duration.ofSeconds(5))
			.acquire()) {
			assertThat(run).as("first run still inside its upgrade").isNotDone();
		}
		this.proceed.countDown();
		assertThat(failureOf(run)).isInstanceOf(UpgradeLockException.class)
			.hasMessageContaining("was lost, so another instance may take the lock");
		assertThat(logRows()).containsExactly(FIRST);
		assertThat(TableQueries.rowsOrNullIfMissing(this.jdbc, this.half))
			.as("table created by the uncommitted upgrade")
			.isNull();
		assertThat(engine().run(RunOptions.unattended()).applied()).containsExactly(SLOW);
		assertAppliedOnce();
	}

	private UpgradeEngine engine() {
		DatabaseDialect dialect = DatabaseDialect.detect(this.dataSource);
		TestUpgrade first = TestUpgrade.of(FIRST).doing((context) -> executed(context.jdbc(), FIRST));
		TestUpgrade slow = TestUpgrade.of(SLOW, FIRST).doing((context) -> {
			context.jdbc().execute("CREATE TABLE " + this.half + " (note VARCHAR(20) NOT NULL)");
			context.jdbc().update("INSERT INTO " + this.half + " (note) VALUES ('half')");
			executed(context.jdbc(), SLOW);
			if (this.blockNextAttempt.getAndSet(false)) {
				this.inside.countDown();
				this.proceed.await(WAIT.toSeconds(), TimeUnit.SECONDS);
				// Goes on working, as an upgrade unaware of the lost session would.
				context.jdbc().update("INSERT INTO " + this.half + " (note) VALUES ('rest')");
				context.jdbc().update("DELETE FROM " + this.half + " WHERE note = 'rest'");
			}
		});
		return new UpgradeEngine(this.dataSource, dialect, () -> List.of(first, slow),
				new JdbcUpgradeLog(new JdbcTemplate(this.dataSource), this.table, dialect),
				dialect.lock(this.dataSource, this.table, Duration.ofSeconds(10)), List.of());
	}

	private void executed(JdbcTemplate jdbc, String id) {
		jdbc.update("INSERT INTO " + this.executions + " (upgrade) VALUES (?)", id);
	}

	private List<Integer> backends(String condition) {
		return this.jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE application_name = ? AND " + condition,
				Integer.class, this.application);
	}

	private void terminate(List<Integer> pids) {
		pids.forEach((pid) -> assertThat(this.jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid))
			.isTrue());
	}

	private static Throwable failureOf(CompletableFuture<RunResult> run) throws Exception {
		try {
			run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			return null;
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
	}

	private void assertAppliedOnce() {
		assertThat(logRows()).containsExactlyInAnyOrder(FIRST, SLOW);
		assertThat(TableQueries.executionCounts(this.jdbc, this.executions)).isEqualTo(Map.of(FIRST, 1, SLOW, 1));
		assertThat(TableQueries.rowsOrNullIfMissing(this.jdbc, this.half)).isOne();
	}

	private List<String> logRows() {
		return this.jdbc.queryForList("SELECT upgrade FROM " + this.table, String.class);
	}

}
