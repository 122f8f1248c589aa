package dev.upgrader.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeCheckException;
import dev.upgrader.UpgradeContext;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.UpgradeFailure;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.UpgradeListener;
import dev.upgrader.UpgradeLockException;
import dev.upgrader.UpgraderException;
import dev.upgrader.UpgraderInfo;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract of the log, the lock and a full run, on every supported database. Each
 * test works in its own tables, so the suites may share one database.
 */
abstract class AbstractUpgradeEngineContractTests {

	private final TestDatabase database;

	private final String databaseName;

	private HikariDataSource dataSource;

	private JdbcTemplate jdbc;

	private DatabaseDialect dialect;

	private String table;

	private String data;

	private final List<String> events = new ArrayList<>();

	AbstractUpgradeEngineContractTests(TestDatabase database, String databaseName) {
		this.database = database;
		this.databaseName = databaseName;
	}

	@BeforeEach
	void prepare() {
		this.dataSource = this.database.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.dialect = dialect(this.dataSource);
		this.table = TestDatabase.uniqueName("ulog");
		this.data = TestDatabase.uniqueName("udata");
		this.jdbc.execute("CREATE TABLE " + this.data + " (name VARCHAR(100) NOT NULL)");
	}

	@AfterEach
	void cleanUp() {
		TestDatabase.dropTables(this.dataSource, this.data, this.data + "_ddl");
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	private UpgradeEngine engine(Upgrade... upgrades) {
		UpgradeListener recorder = new UpgradeListener() {
			@Override
			public void upgradeApplied(PendingUpgrade upgrade, Duration took) {
				AbstractUpgradeEngineContractTests.this.events.add("applied " + upgrade.id());
			}

			@Override
			public void upgradeFailed(PendingUpgrade upgrade, Duration took, Throwable failure) {
				AbstractUpgradeEngineContractTests.this.events.add("failed " + upgrade.id());
			}
		};
		return new UpgradeEngine(this.dataSource, this.dialect, () -> List.of(upgrades), log(),
				lock(Duration.ofSeconds(5)), List.of(recorder));
	}

	private JdbcUpgradeLog log() {
		return new JdbcUpgradeLog(new JdbcTemplate(this.dataSource), this.table, this.dialect);
	}

	private UpgradeLock lock(Duration wait) {
		return lock(this.dialect, this.dataSource, this.table, wait);
	}

	/** The dialect under test: the detected one unless a subclass tests another. */
	DatabaseDialect dialect(DataSource dataSource) {
		return DatabaseDialect.detect(dataSource);
	}

	/** The lock under test: the dialect's own unless a subclass tests another. */
	UpgradeLock lock(DatabaseDialect dialect, DataSource dataSource, String table, Duration wait) {
		return dialect.lock(dataSource, table, wait);
	}

	private TestUpgrade.Body insert(String name) {
		return (context) -> context.jdbc().update("INSERT INTO " + this.data + " (name) VALUES (?)", name);
	}

	private List<String> rows() {
		return this.jdbc.queryForList("SELECT name FROM " + this.data + " ORDER BY name", String.class);
	}

	@Test
	void runAppliesPendingUpgradesInOrderAndRecordsEachOnce() {
		Instant before = Instant.now().minusSeconds(1);
		UpgradeEngine engine = engine(TestUpgrade.of("b_2026_01_02_second", "a_2026_01_01_first").doing(insert("b")),
				TestUpgrade.of("a_2026_01_01_first").doing(insert("a")),
				TestUpgrade.of("a_2026_01_03_third", "b_2026_01_02_second").doing(insert("c")));
		assertThat(engine.pending()).extracting(PendingUpgrade::id)
			.containsExactly("a_2026_01_01_first", "b_2026_01_02_second", "a_2026_01_03_third");

		RunResult result = engine.run(RunOptions.unattended());

		assertThat(result.applied()).containsExactly("a_2026_01_01_first", "b_2026_01_02_second", "a_2026_01_03_third");
		assertThat(rows()).containsExactly("a", "b", "c");
		List<AppliedUpgrade> applied = engine.applied();
		assertThat(applied).extracting(AppliedUpgrade::id)
			.containsExactlyInAnyOrder("a_2026_01_01_first", "b_2026_01_02_second", "a_2026_01_03_third");
		assertThat(applied).allSatisfy((row) -> {
			assertThat(row.kind()).isEqualTo(AppliedUpgrade.Kind.RUN);
			assertThat(row.applied()).isBetween(before, Instant.now().plusSeconds(1));
			assertThat(row.duration()).isNotNull();
			assertThat(row.appliedBy()).isNotBlank();
			assertThat(row.info()).isEqualTo("Test upgrade " + row.id());
		});
		assertThat(engine.pending()).isEmpty();
		assertThat(engine.run(RunOptions.unattended()).applied()).isEmpty();
		assertThat(rows()).containsExactly("a", "b", "c");
	}

	@Test
	void failingUpgradeStopsTheRunKeepsEarlierOnesAndRollsBackItsOwnWrites() {
		AtomicInteger postChecks = new AtomicInteger();
		UpgradeEngine engine = engine(
				TestUpgrade.of("r_2026_01_01_one")
					.doing(insert("one"))
					.checkingAfter((context) -> postChecks.incrementAndGet()),
				TestUpgrade.of("r_2026_01_02_two", "r_2026_01_01_one").doing((context) -> {
					insert("two").run(context);
					throw new IllegalStateException("disk full");
				}), TestUpgrade.of("r_2026_01_03_three", "r_2026_01_02_two").doing(insert("three")));

		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageStartingWith("Upgrade r_2026_01_02_two failed: disk full.")
			.withMessageContaining("1 upgrade(s) applied before it stay recorded")
			.satisfies((ex) -> assertThat(ex.getUpgradeId()).isEqualTo("r_2026_01_02_two"));

		assertThat(rows()).containsExactly("one");
		assertThat(engine.applied()).extracting(AppliedUpgrade::id).containsExactly("r_2026_01_01_one");
		assertThat(postChecks).hasValue(0);
		assertThat(this.events).containsExactly("applied r_2026_01_01_one", "failed r_2026_01_02_two");
		assertThat(engine.pending()).extracting(PendingUpgrade::id)
			.containsExactly("r_2026_01_02_two", "r_2026_01_03_three");
	}

	@Test
	void ddlOfAFailedUpgradeIsRolledBackWhereTheDatabaseMakesDdlTransactional() {
		String ddlTable = this.data + "_ddl";
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_ddl").doing((context) -> {
			context.jdbc().execute("CREATE TABLE " + ddlTable + " (id INT)");
			throw new IllegalStateException("after DDL");
		}));

		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageContaining(this.dialect.transactionalDdl()
					? "Its changes in the run's transaction were rolled back; what it committed on a connection of its"
							+ " own stays."
					: "DDL it executed may have been committed");

		assertThat(log().exists()).isTrue();
		assertThat(engine.applied()).isEmpty();
		assertThat(new JdbcUpgradeLog(this.jdbc, ddlTable, this.dialect).exists())
			.isEqualTo(!this.dialect.transactionalDdl());
	}

	@Test
	void failedPreChecksAreAllReportedAndNothingRunsOrIsWritten() {
		AtomicInteger runs = new AtomicInteger();
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_one")
			.doing((context) -> runs.incrementAndGet())
			.checkingBefore((context) -> {
				throw new IllegalStateException("first problem\nsecond problem");
			}), TestUpgrade.of("r_2026_01_02_two", "r_2026_01_01_one").checkingBefore((context) -> {
				throw new IllegalStateException("not ready");
			}), TestUpgrade.of("r_2026_01_03_fine", "r_2026_01_01_one"));

		assertThatExceptionOfType(UpgradeCheckException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					new CheckReport.Problem("r_2026_01_01_one", List.of("first problem", "second problem")),
					new CheckReport.Problem("r_2026_01_02_two", List.of("not ready"))))
			.withMessageContaining("Pre-upgrade check for r_2026_01_01_one failed:");
		assertThat(runs).hasValue(0);
		assertThat(log().exists()).isFalse();
	}

	@Test
	void invalidGraphRunsNothingAndWritesNothing() {
		AtomicInteger runs = new AtomicInteger();
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_one").doing((context) -> runs.incrementAndGet()),
				TestUpgrade.of("r_2026_01_02_two", "r_2026_01_03_three"),
				TestUpgrade.of("r_2026_01_03_three", "r_2026_01_02_two"));

		assertThatExceptionOfType(UpgradeGraphException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageContaining("r_2026_01_02_two -> r_2026_01_03_three -> r_2026_01_02_two");
		assertThat(runs).hasValue(0);
		assertThat(log().exists()).isFalse();
		assertThat(lock(Duration.ZERO).acquire()).as("lock released").isNotNull().satisfies(UpgradeLock.Held::close);
	}

	@Test
	void postCheckFailureIsReportedAfterTheUpgradesAreRecorded() {
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_one").checkingAfter((context) -> {
			throw new IllegalStateException("re-index needed");
		}));

		assertThatExceptionOfType(UpgradeCheckException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessage("Post-upgrade check for r_2026_01_01_one failed:" + System.lineSeparator()
					+ " (-) re-index needed");
		assertThat(engine.applied()).extracting(AppliedUpgrade::id).containsExactly("r_2026_01_01_one");
	}

	@Test
	void checkRunsPreChecksUnattendedAndRollsBackWhatTheyWrite() {
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_one").checkingBefore((context) -> {
			assertThat(context.yesIKnow()).isTrue();
			insert("written by a check").run(context);
		}), TestUpgrade.of("r_2026_01_02_two", "r_2026_01_01_one").checkingBefore((context) -> {
			throw new IllegalStateException("not ready");
		}));

		CheckReport report = engine.check();

		assertThat(report.isClean()).isFalse();
		assertThat(report.pending()).extracting(PendingUpgrade::id)
			.containsExactly("r_2026_01_01_one", "r_2026_01_02_two");
		assertThat(report.problems())
			.containsExactly(new CheckReport.Problem("r_2026_01_02_two", List.of("not ready")));
		assertThat(rows()).isEmpty();
		assertThat(log().exists()).isFalse();
	}

	@Test
	void checkReportsBrokenRulesAsWarningsAndAsProblemsWhenStrict() {
		// one ──> three ──> release ──> four; two: a second root, of the release's time
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_one"), TestUpgrade.of("r_2026_01_02_two"),
				TestUpgrade.of("r_2026_01_03_three", "r_2026_01_01_one"),
				TestUpgrade.of("r_release_1_0_0", "r_2026_01_03_three"),
				TestUpgrade.of("r_2026_01_04_four", "r_release_1_0_0"));
		String twoRoots = "Repository r has 2 roots (upgrades that depend on no upgrade of r): r_2026_01_01_one,"
				+ " r_2026_01_02_two; every upgrade but the first of a repository should depend on an earlier one";
		String missedLeaf = "Release r_release_1_0_0 does not depend on r_2026_01_02_two: its time is 2026-01-03";

		CheckReport lenient = engine.check();
		assertThat(lenient.isClean()).isTrue();
		assertThat(lenient.pending()).hasSize(5);
		assertThat(lenient.warnings()).extracting(CheckReport.Warning::rule)
			.containsExactly(CheckReport.Rule.ONE_ROOT_PER_REPOSITORY, CheckReport.Rule.RELEASE_COVERS_ITS_TIME,
					CheckReport.Rule.SINCE_LAST_RELEASE);
		assertThat(lenient.warnings().get(0).message()).isEqualTo(twoRoots);
		assertThat(lenient.warnings().get(1).message()).startsWith(missedLeaf);
		assertThat(engine.ruleWarnings()).isEqualTo(lenient.warnings());

		engine.setRules(UpgradeRules.defaults().strict(true));
		CheckReport strict = engine.check();
		assertThat(strict.isClean()).isFalse();
		assertThat(strict.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.subject()).isEqualTo("the rules for writing upgrades (strict check)");
			assertThat(problem.messages()).hasSize(2).first().isEqualTo("one root per repository: " + twoRoots);
			assertThat(problem.messages().get(1)).startsWith("release covers its time: " + missedLeaf);
		});
		assertThat(strict.warnings()).extracting(CheckReport.Warning::message)
			.containsExactly("2 upgrade(s) of r since release r_release_1_0_0, not covered by a release yet: "
					+ "r_2026_01_02_two, r_2026_01_04_four");
		assertThat(log().exists()).isFalse();
	}

	@Test
	void populateRecordsEveryKnownUpgradeOnceWithoutRunningItEvenWhenTheGraphIsInvalid() {
		AtomicInteger runs = new AtomicInteger();
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_one").doing((context) -> runs.incrementAndGet()),
				TestUpgrade.of("r_2026_01_02_two", "r_2026_01_01_unknown"));

		assertThat(engine.populate()).isEqualTo(2);
		assertThat(engine.populate()).isZero();

		assertThat(runs).hasValue(0);
		assertThat(engine.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::kind, AppliedUpgrade::duration)
			.containsExactlyInAnyOrder(tuple("r_2026_01_01_one", AppliedUpgrade.Kind.POPULATE, null),
					tuple("r_2026_01_02_two", AppliedUpgrade.Kind.POPULATE, null));
	}

	@Test
	void ghostRowsAreWarningsAndAreKept() {
		engine(TestUpgrade.of("r_2026_01_01_gone"), TestUpgrade.of("r_2026_01_02_kept")).populate();
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_02_kept"),
				TestUpgrade.of("r_2026_01_03_new", "r_2026_01_02_kept").doing(insert("new")));

		RunResult result = engine.run(RunOptions.unattended());

		assertThat(result.applied()).containsExactly("r_2026_01_03_new");
		assertThat(result.warnings()).containsExactly(RunCommand.ghostWarning("r_2026_01_01_gone"));
		assertThat(engine.check().ghosts()).containsExactly("r_2026_01_01_gone");
		assertThat(engine.applied()).extracting(AppliedUpgrade::id).contains("r_2026_01_01_gone");
	}

	@Test
	void warningsOfUpgradesAreCountedInTheResult() {
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_one").doing((context) -> context.warn("check me")));

		assertThat(engine.run(RunOptions.unattended()).warnings()).containsExactly("r_2026_01_01_one: check me");
	}

	@Test
	void contextNamesTheDatabaseTheUpgradeRunsOn() {
		List<String> seen = new ArrayList<>();
		UpgradeEngine engine = engine(
				TestUpgrade.of("r_2026_01_01_one").doing((context) -> seen.add(context.database())));

		engine.run(RunOptions.unattended());

		assertThat(seen).containsExactly(this.databaseName);
	}

	@Test
	void askReturnsTheDefaultWhenUnattendedAndTheOperatorsAnswerOtherwise() {
		List<String> answers = new ArrayList<>();
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_one")
			.doing((context) -> answers.add(context.ask("Drop the old column?", "no"))));
		UpgradeEngine attended = engine(TestUpgrade.of("r_2026_01_01_one"),
				TestUpgrade.of("r_2026_01_02_two", "r_2026_01_01_one")
					.doing((context) -> answers.add(context.ask("Drop the old column?", "no"))));

		engine.run(RunOptions.unattended());
		attended.run(new RunOptions(false, (question, defaultAnswer) -> question + " yes", new UpgradeListener() {
		}));

		assertThat(answers).containsExactly("no", "r_2026_01_02_two: Drop the old column? yes");
	}

	@Test
	void lockIsExclusiveAndTheTimeoutNamesTheHolder() {
		try (UpgradeLock.Held held = lock(Duration.ZERO).acquire()) {
			assertThatExceptionOfType(UpgradeLockException.class)
				.isThrownBy(() -> lock(Duration.ofMillis(300)).acquire())
				.withMessageContaining("Timed out after PT0.3S waiting for the upgrade lock")
				.withMessageContaining("held by ");
		}
		lock(Duration.ZERO).acquire().close();
	}

	@Test
	void runWaitsForTheLockAndFailsClearlyWhenItIsHeldTooLong() {
		UpgradeEngine engine = new UpgradeEngine(this.dataSource, this.dialect,
				() -> List.of(TestUpgrade.of("r_2026_01_01_one")), log(), lock(Duration.ofMillis(300)), List.of());
		try (UpgradeLock.Held held = lock(Duration.ZERO).acquire()) {
			assertThatExceptionOfType(UpgradeLockException.class).isThrownBy(() -> engine.run(RunOptions.unattended()));
		}
		assertThat(engine.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_01_one");
	}

	@Test
	void aRunThatFindsNothingPendingReadsTheLogWithoutWaitingForTheLock() {
		UpgradeEngine engine = new UpgradeEngine(this.dataSource, this.dialect,
				() -> List.of(TestUpgrade.of("r_2026_01_01_one")), log(), lock(Duration.ofMillis(300)), List.of());
		engine.run(RunOptions.unattended());
		UpgradeEngine withGhost = new UpgradeEngine(this.dataSource, this.dialect, List::of, log(),
				lock(Duration.ofMillis(300)), List.of());
		UpgradeEngine withPending = new UpgradeEngine(this.dataSource, this.dialect,
				() -> List.of(TestUpgrade.of("r_2026_01_01_one"),
						TestUpgrade.of("r_2026_01_02_two", "r_2026_01_01_one")),
				log(), lock(Duration.ofMillis(300)), List.of());

		try (UpgradeLock.Held held = lock(Duration.ZERO).acquire()) {
			assertThat(engine.run(RunOptions.unattended()).applied()).isEmpty();
			assertThat(withGhost.run(RunOptions.unattended()).warnings()).singleElement()
				.asString()
				.startsWith("Ghost upgrade r_2026_01_01_one detected");
			assertThatExceptionOfType(UpgradeLockException.class)
				.isThrownBy(() -> withPending.run(RunOptions.unattended()));
		}
		assertThat(withPending.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_02_two");
	}

	@Test
	void aRunThatFindsNothingPendingLooksTheLogUpAndReadsItOnOneConnection() {
		engine(TestUpgrade.of("r_2026_01_01_one")).run(RunOptions.unattended());
		AtomicInteger borrowed = new AtomicInteger();
		DataSource counting = new DelegatingDataSource(this.dataSource) {

			@Override
			public Connection getConnection() throws SQLException {
				borrowed.incrementAndGet();
				return super.getConnection();
			}

		};
		UpgradeEngine engine = new UpgradeEngine(counting, this.dialect,
				() -> List.of(TestUpgrade.of("r_2026_01_01_one")),
				new JdbcUpgradeLog(new JdbcTemplate(counting), this.table, this.dialect), lock(Duration.ofMillis(300)),
				List.of());

		assertThat(engine.run(RunOptions.unattended()).applied()).isEmpty();
		assertThat(borrowed).as("connections borrowed by a fresh engine's no-op run").hasValue(1);
	}

	@Test
	void lockIsReleasedWhenAnUpgradeFails() {
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_one").doing((context) -> {
			throw new IllegalStateException("boom");
		}));
		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()));

		lock(Duration.ZERO).acquire().close();
	}

	@Test
	void logReadsRowsOldestFirstAndWritesUtc() {
		JdbcUpgradeLog log = log();
		assertThat(log.exists()).isFalse();
		assertThat(log.read()).isEmpty();
		log.createIfMissing();
		log.createIfMissing();
		Instant older = Instant.parse("2026-01-01T10:15:30.123Z");
		Instant newer = Instant.parse("2026-06-01T23:59:59.001Z");
		log.record(List.of(
				new AppliedUpgrade("r_2026_01_02_b", newer, AppliedUpgrade.Kind.RUN, Duration.ofMillis(42), "host-a",
						"B"),
				new AppliedUpgrade("r_2026_01_01_a", older, AppliedUpgrade.Kind.POPULATE, null, "host-b", "A")));

		assertThat(log.read()).containsExactly(
				new AppliedUpgrade("r_2026_01_01_a", older, AppliedUpgrade.Kind.POPULATE, null, "host-b", "A"),
				new AppliedUpgrade("r_2026_01_02_b", newer, AppliedUpgrade.Kind.RUN, Duration.ofMillis(42), "host-a",
						"B"));
		assertThat(this.jdbc.queryForObject("SELECT applied FROM " + this.table + " WHERE upgrade = 'r_2026_01_01_a'",
				LocalDateTime.class))
			.isEqualTo(LocalDateTime.parse("2026-01-01T10:15:30.123"));
	}

	@Test
	void tableNameThatIsNotAPlainIdentifierIsRefusedBeforeAnySql() {
		assertThatExceptionOfType(UpgraderException.class)
			.isThrownBy(() -> new JdbcUpgradeLog(this.jdbc, "log; DROP TABLE users", this.dialect))
			.withMessage("Invalid upgrader.table 'log; DROP TABLE users': use a plain SQL identifier (a letter, then"
					+ " letters, digits or '_', at most 55 characters)");
	}

	@Test
	void failedAttemptsAreRecordedCountedAndClearedOnceTheUpgradeSucceeds() {
		AtomicInteger attempts = new AtomicInteger();
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_flaky").doing((context) -> {
			if (attempts.incrementAndGet() < 3) {
				throw new IllegalStateException("attempt " + attempts.get() + " failed");
			}
		}));

		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()));
		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()));

		assertThat(engine.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.id()).isEqualTo("r_2026_01_01_flaky");
			assertThat(failure.attempts()).isEqualTo(2);
			assertThat(failure.message()).isEqualTo("attempt 2 failed");
			assertThat(failure.failedBy()).isNotBlank();
		});
		assertThat(engine.applied()).isEmpty();
		assertThat(engine.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_01_flaky");
		assertThat(engine.failures()).isEmpty();
	}

	@Test
	void markAppliedRecordsAFailedUpgradeByHandAndClearsItsFailure() {
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_broken").doing((context) -> {
			throw new IllegalStateException("needs a manual fix");
		}), TestUpgrade.of("r_2026_01_02_next", "r_2026_01_01_broken").doing(insert("next")));
		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()));

		engine.markApplied("r_2026_01_01_broken");

		assertThat(engine.failures()).isEmpty();
		assertThat(engine.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::kind)
			.containsExactly(tuple("r_2026_01_01_broken", AppliedUpgrade.Kind.MANUAL));
		assertThat(engine.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_02_next");
		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine.markApplied("r_2026_01_01_broken"))
			.withMessage("Cannot mark r_2026_01_01_broken applied: it is already in the log");
		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine.markApplied("r_2026_01_09_unknown"))
			.withMessage("Cannot mark r_2026_01_09_unknown applied: the code has no upgrade with that id");
	}

	@Test
	void logRowWithAnUnknownKindIsReportedNamingTheTableAndTheRow() {
		log().createIfMissing();
		this.jdbc.update("INSERT INTO " + this.table + " (upgrade, applied, kind, duration_ms, applied_by, info)"
				+ " VALUES ('r_2026_01_01_a', ?, 'flyway', NULL, 'host', 'info')", LocalDateTime.now());

		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine().applied())
			.withMessage("The table " + this.table + " holds a row Upgrader cannot read: upgrade r_2026_01_01_a has"
					+ " kind 'flyway', which is none of run, populate, manual, baseline, import. Correct or delete that row.");
		assertThatExceptionOfType(UpgraderException.class)
			.isThrownBy(() -> engine(TestUpgrade.of("r_2026_01_02_b")).run(RunOptions.unattended()))
			.withMessageContaining("upgrade r_2026_01_01_a has kind 'flyway'");
	}

	@Test
	void logRowWithoutAnAppliedTimeIsReportedNamingTheTableAndTheRow() {
		// A table created ahead by hand, whose applied column accepts NULL.
		this.jdbc.execute("CREATE TABLE " + this.table + " (upgrade VARCHAR(255) NOT NULL PRIMARY KEY, applied "
				+ this.dialect.timestampType() + ", kind VARCHAR(16) NOT NULL, duration_ms BIGINT,"
				+ " applied_by VARCHAR(255) NOT NULL, info VARCHAR(1000) NOT NULL)");
		this.jdbc.update("INSERT INTO " + this.table + " (upgrade, applied, kind, duration_ms, applied_by, info)"
				+ " VALUES ('r_2026_01_01_a', NULL, 'run', 5, 'host', 'info')");

		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine().applied())
			.withMessage("The table " + this.table + " holds a row Upgrader cannot read: upgrade r_2026_01_01_a has"
					+ " no applied time (NULL). Correct or delete that row.");
	}

	@Test
	void errorThrownByAnUpgradeFailsThatUpgradeAndIsRecorded() {
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_deep").doing((context) -> recurse(1)),
				TestUpgrade.of("r_2026_01_02_heap").doing((context) -> {
					throw new OutOfMemoryError("Java heap space");
				}));

		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageStartingWith("Upgrade r_2026_01_01_deep failed: java.lang.StackOverflowError.")
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(StackOverflowError.class));
		assertThat(engine.failures()).extracting(UpgradeFailure::id, UpgradeFailure::message)
			.containsExactly(tuple("r_2026_01_01_deep", "java.lang.StackOverflowError"));
		assertThat(this.events).containsExactly("failed r_2026_01_01_deep");
		engine.markApplied("r_2026_01_01_deep");
		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageStartingWith("Upgrade r_2026_01_02_heap failed: Java heap space.");
		assertThat(engine.applied()).extracting(AppliedUpgrade::id).containsExactly("r_2026_01_01_deep");
		lock(Duration.ZERO).acquire().close();
	}

	private static int recurse(int depth) {
		return recurse(depth + 1) + 1;
	}

	@Test
	void upgradeThatTurnsOnAutoCommitIsRecordedAsAppliedWithAWarning() {
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_auto").doing((context) -> {
			autoCommit(context);
			insert("auto").run(context);
		}), TestUpgrade.of("r_2026_01_02_next", "r_2026_01_01_auto").doing(insert("next")));

		RunResult result = engine.run(RunOptions.unattended());

		assertThat(result.applied()).containsExactly("r_2026_01_01_auto", "r_2026_01_02_next");
		assertThat(result.warnings()).containsExactly("r_2026_01_01_auto: it turned on auto-commit on its connection,"
				+ " so each of its statements committed as it ran, apart from its log row");
		assertThat(engine.failures()).isEmpty();
		assertThat(engine.applied()).extracting(AppliedUpgrade::id)
			.containsExactlyInAnyOrder("r_2026_01_01_auto", "r_2026_01_02_next");
		assertThat(rows()).containsExactly("auto", "next");
	}

	@Test
	void failedUpgradeThatTurnedOnAutoCommitSaysWhatWasCommitted() {
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_auto").doing((context) -> {
			autoCommit(context);
			insert("half").run(context);
			throw new IllegalStateException("boom");
		}));

		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessage("Upgrade r_2026_01_01_auto failed: boom. It turned on auto-commit on its connection, so the"
					+ " statements it ran committed as they ran and were not rolled back: review the database before"
					+ " running again. No upgrade of this run was applied.");
		assertThat(rows()).containsExactly("half");
		assertThat(engine.applied()).isEmpty();
		assertThat(engine.failures()).extracting(UpgradeFailure::id).containsExactly("r_2026_01_01_auto");
	}

	private static void autoCommit(UpgradeContext context) {
		context.jdbc().execute((ConnectionCallback<Void>) (connection) -> {
			connection.setAutoCommit(true);
			return null;
		});
	}

	/**
	 * A session lock keeps its connection for the whole run, so a pool of one has none
	 * left for the upgrades; the lease holds a connection only while it writes its row.
	 */
	@Test
	void poolOfOneConnectionIsReportedWithTheSizeItNeedsUnlessTheLockIsALease() {
		AtomicInteger runs = new AtomicInteger();
		try (HikariDataSource single = this.database.dataSource()) {
			single.setMaximumPoolSize(1);
			single.setConnectionTimeout(250);
			UpgradeEngine engine = new UpgradeEngine(single, this.dialect,
					() -> List.of(TestUpgrade.of("r_2026_01_01_one").doing((context) -> runs.incrementAndGet())),
					new JdbcUpgradeLog(new JdbcTemplate(single), this.table, this.dialect),
					this.dialect.lock(single, this.table, Duration.ofSeconds(5)), List.of());

			if (this.dialect.hasSessionLock()) {
				assertPoolExhaustionExplained(engine);
			}
			else {
				assertThat(engine.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_01_one");
			}
		}
		assertThat(runs).hasValue(this.dialect.hasSessionLock() ? 0 : 1);
	}

	private static void assertPoolExhaustionExplained(UpgradeEngine engine) {
		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageStartingWith("The connection pool had no connection left for the run while the upgrade lock"
					+ " holds one of its own for the whole run: give the pool at least 2 connections, more if the"
					+ " application uses it meanwhile, or give Upgrader its own connection (upgrader.url). ")
			.withMessageContaining("Connection is not available");
	}

	@Test
	void lockHolderIsEmptyWhenFreeAndDescribedWhenHeld() {
		UpgradeEngine engine = engine();
		assertThat(engine.lockHolder()).isEmpty();
		try (UpgradeLock.Held held = lock(Duration.ZERO).acquire()) {
			assertThat(engine.lockHolder()).hasValueSatisfying((holder) -> assertThat(holder).isNotBlank());
			if (this.dialect instanceof PostgresDialect) {
				assertThat(engine.lockHolder().orElseThrow())
					.startsWith("'upgrader on " + HostName.VALUE + " pid " + ProcessHandle.current().pid() + "'");
			}
		}
		assertThat(engine.lockHolder()).isEmpty();
	}

	@Test
	void infoReportsTheGraphAgainstTheLogReadOnce() {
		JdbcUpgradeLog log = log();
		log.createIfMissing();
		log.record(List.of(
				new AppliedUpgrade("r_2026_01_02_two", Instant.now(), AppliedUpgrade.Kind.POPULATE, null, "here",
						"two"),
				new AppliedUpgrade("r_2020_01_01_gone", Instant.now(), AppliedUpgrade.Kind.RUN, Duration.ofMillis(4),
						"elsewhere", "gone")));
		log.recordFailure(new UpgradeFailure("r_2026_01_03_three", Instant.now(), 1, "boom", "here"));
		AtomicInteger reads = new AtomicInteger();
		UpgradeEngine engine = new UpgradeEngine(this.dataSource, this.dialect,
				() -> List.of(TestUpgrade.of("r_2026_01_01_one"),
						TestUpgrade.of("r_2026_01_02_two", "r_2026_01_01_one"),
						TestUpgrade.of("r_2026_01_03_three", "r_2026_01_02_two").estimating(Duration.ofSeconds(7))),
				countingReads(log, reads), lock(Duration.ofSeconds(5)), List.of());

		UpgraderInfo info = engine.info();

		assertThat(reads).as("log reads").hasValue(1);
		assertThat(info.isValid()).isTrue();
		assertThat(info.problems()).isEmpty();
		assertThat(info.nodes()).extracting(UpgraderInfo.Node::id, UpgraderInfo.Node::status)
			.containsExactly(tuple("r_2026_01_01_one", UpgraderInfo.Status.IMPLIED),
					tuple("r_2026_01_02_two", UpgraderInfo.Status.APPLIED),
					tuple("r_2026_01_03_three", UpgraderInfo.Status.PENDING));
		assertThat(info.nodes().get(2).info()).isEqualTo("Test upgrade r_2026_01_03_three");
		assertThat(info.nodes().get(2).repository()).isEqualTo("r");
		assertThat(info.edges()).containsExactly(new UpgraderInfo.Edge("r_2026_01_02_two", "r_2026_01_01_one"),
				new UpgraderInfo.Edge("r_2026_01_03_three", "r_2026_01_02_two"));
		assertThat(info.applied()).extracting(AppliedUpgrade::id)
			.containsExactlyInAnyOrder("r_2026_01_02_two", "r_2020_01_01_gone");
		assertThat(info.pending()).singleElement().satisfies((upgrade) -> {
			assertThat(upgrade.id()).isEqualTo("r_2026_01_03_three");
			assertThat(upgrade.estimate()).isEqualTo(Duration.ofSeconds(7));
		});
		assertThat(info.ghosts()).containsExactly("r_2020_01_01_gone");
		assertThat(info.failures()).extracting(UpgradeFailure::id).containsExactly("r_2026_01_03_three");
		assertThat(info.lockHolder()).isNull();
		assertThat(info.leavesByRepository()).containsExactly(Map.entry("r", List.of("r_2026_01_03_three")));
		assertThat(info.appliedIds()).containsExactlyInAnyOrder("r_2026_01_01_one", "r_2026_01_02_two",
				"r_2020_01_01_gone");
	}

	@Test
	void infoReportsTheProblemsOfABrokenGraphInsteadOfThrowing() {
		UpgradeEngine engine = engine(TestUpgrade.of("r_2026_01_01_x", "r_2026_01_02_y"),
				TestUpgrade.of("r_2026_01_02_y", "r_2026_01_01_x"),
				TestUpgrade.of("r_2026_01_03_orphan", "r_2025_12_31_unknown"));
		try (UpgradeLock.Held held = lock(Duration.ZERO).acquire()) {
			UpgraderInfo info = engine.info();

			assertThat(info.isValid()).isFalse();
			assertThat(info.problems()).anySatisfy((problem) -> assertThat(problem).startsWith("Dependency cycle"))
				.anySatisfy((problem) -> assertThat(problem).contains("r_2026_01_03_orphan", "r_2025_12_31_unknown"));
			assertThat(info.pending()).isEmpty();
			assertThat(info.nodes()).extracting(UpgraderInfo.Node::status).containsOnly(UpgraderInfo.Status.BLOCKED);
			assertThat(info.edges()).contains(new UpgraderInfo.Edge("r_2026_01_03_orphan", "r_2025_12_31_unknown"));
			assertThat(info.lockHolder()).isNotBlank();
			assertThat(info.applied()).isEmpty();
		}
		assertThatExceptionOfType(UpgradeGraphException.class).isThrownBy(engine::pending);
	}

	/** The log, counting its reads; a proxy, so that it follows the interface. */
	private static UpgradeLog countingReads(UpgradeLog log, AtomicInteger reads) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("read")) {
				reads.incrementAndGet();
			}
			try {
				return method.invoke(log, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return (UpgradeLog) Proxy.newProxyInstance(UpgradeLog.class.getClassLoader(),
				new Class<?>[] { UpgradeLog.class }, handler);
	}

}
