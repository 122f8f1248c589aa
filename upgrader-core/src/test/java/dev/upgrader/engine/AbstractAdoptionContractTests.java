package dev.upgrader.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.ChangedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.UpgradeListener;
import dev.upgrader.UpgraderException;
import dev.upgrader.testsupport.TableQueries;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Checksums ("no fiddling"), the in-place upgrade of log tables of the current release,
 * and the baseline of a database built without Upgrader, on every supported database.
 */
abstract class AbstractAdoptionContractTests {

	/**
	 * The log table exactly as release 0.1.0 (before checksums) creates it, with the
	 * dialect's timestamp type in place of the placeholder.
	 */
	private static final String RELEASE_0_1_0_LOG_DDL = "CREATE TABLE %s (upgrade VARCHAR(255) NOT NULL PRIMARY KEY,"
			+ " applied %s NOT NULL, kind VARCHAR(16) NOT NULL, duration_ms BIGINT,"
			+ " applied_by VARCHAR(255) NOT NULL, info VARCHAR(1000) NOT NULL)";

	private static final String RELEASE_0_1_0_FAILURE_DDL = "CREATE TABLE %s_failure (upgrade VARCHAR(255) NOT NULL"
			+ " PRIMARY KEY, failed_at %s NOT NULL, attempts INT NOT NULL, message VARCHAR(2000) NOT NULL,"
			+ " failed_by VARCHAR(255) NOT NULL)";

	private final TestDatabase database;

	private HikariDataSource dataSource;

	private JdbcTemplate jdbc;

	private DatabaseDialect dialect;

	private String table;

	private String data;

	AbstractAdoptionContractTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void prepare() {
		this.dataSource = this.database.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.dialect = DatabaseDialect.detect(this.dataSource);
		this.table = TestDatabase.uniqueName("alog");
		this.data = TestDatabase.uniqueName("adata");
		this.jdbc.execute("CREATE TABLE " + this.data + " (name VARCHAR(100) NOT NULL)");
	}

	@AfterEach
	void cleanUp() {
		TestDatabase.dropTables(this.dataSource, this.data);
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	private UpgradeEngine engine(Upgrade... upgrades) {
		return engine(List.of(), upgrades);
	}

	private UpgradeEngine engine(List<UpgradeListener> listeners, Upgrade... upgrades) {
		return new UpgradeEngine(this.dataSource, this.dialect, () -> List.of(upgrades),
				new JdbcUpgradeLog(new JdbcTemplate(this.dataSource), this.table, this.dialect),
				this.dialect.lock(this.dataSource, this.table, Duration.ofSeconds(5)), listeners);
	}

	private TestUpgrade inserting(String id, String... dependsOn) {
		return TestUpgrade.of(id, dependsOn)
			.doing((context) -> context.jdbc().update("INSERT INTO " + this.data + " (name) VALUES (?)", id));
	}

	private List<String> ran() {
		return this.jdbc.queryForList("SELECT name FROM " + this.data + " ORDER BY name", String.class);
	}

	private String timestampType() {
		return (this.database == TestDatabase.MARIADB) ? "DATETIME(3)" : "TIMESTAMP(3)";
	}

	@Test
	void everyWayOfRecordingStoresTheChecksumTheUpgradeDeclares() {
		TestUpgrade one = inserting("r_2026_01_01_one").withChecksum("one-v1");
		TestUpgrade two = inserting("r_2026_01_02_two", "r_2026_01_01_one");
		UpgradeEngine engine = engine(one, two);
		engine.run(RunOptions.unattended());
		assertThat(engine.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::kind, AppliedUpgrade::checksum)
			.containsExactly(tuple("r_2026_01_01_one", AppliedUpgrade.Kind.RUN, "one-v1"),
					tuple("r_2026_01_02_two", AppliedUpgrade.Kind.RUN, null));

		TestUpgrade three = inserting("r_2026_01_03_three", "r_2026_01_02_two").withChecksum("three-v1");
		TestUpgrade four = inserting("r_2026_01_04_four", "r_2026_01_03_three").withChecksum("four-v1");
		UpgradeEngine later = engine(one, two, three, four);
		later.markApplied("r_2026_01_03_three");
		later.populate();
		assertThat(later.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::kind, AppliedUpgrade::checksum)
			.contains(tuple("r_2026_01_03_three", AppliedUpgrade.Kind.MANUAL, "three-v1"),
					tuple("r_2026_01_04_four", AppliedUpgrade.Kind.POPULATE, "four-v1"));
	}

	@Test
	void anAppliedUpgradeWhoseChecksumChangedIsAProblemOfCheckAndOfInfo() {
		TestUpgrade one = inserting("r_2026_01_01_one").withChecksum("v1");
		UpgradeEngine engine = engine(one, inserting("r_2026_01_02_two", "r_2026_01_01_one").withChecksum("x"));
		engine.run(RunOptions.unattended());
		assertThat(engine.check().isClean()).isTrue();

		one.withChecksum("v2");

		CheckReport report = engine.check();
		assertThat(report.isClean()).isFalse();
		assertThat(report.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.subject()).isEqualTo("r_2026_01_01_one");
			assertThat(problem.messages()).singleElement()
				.asString()
				.contains("r_2026_01_01_one changed after it was applied", "checksum v1", "now has v2",
						"upgrader accept-change r_2026_01_01_one --yes-i-know");
		});
		assertThat(engine.info().changed()).containsExactly(new ChangedUpgrade("r_2026_01_01_one", "v1", "v2"));
	}

	@Test
	void underWarnARunWarnsAboutAChangedUpgradeAndAppliesTheRest() {
		TestUpgrade one = inserting("r_2026_01_01_one").withChecksum("v1");
		engine(one).run(RunOptions.unattended());
		one.withChecksum("v2");
		UpgradeEngine engine = engine(one, inserting("r_2026_01_02_two", "r_2026_01_01_one"));

		RunResult result = engine.run(RunOptions.unattended());

		assertThat(result.applied()).containsExactly("r_2026_01_02_two");
		assertThat(result.warnings()).anySatisfy(
				(warning) -> assertThat(warning).contains("Upgrade r_2026_01_01_one changed after it was applied"));
		assertThat(ran()).containsExactly("r_2026_01_01_one", "r_2026_01_02_two");
	}

	@Test
	void underFailARunWithAChangedUpgradeRefusesToRunAnything() {
		TestUpgrade one = inserting("r_2026_01_01_one").withChecksum("v1");
		engine(one).run(RunOptions.unattended());
		one.withChecksum("v2");
		UpgradeEngine engine = engine(one, inserting("r_2026_01_02_two", "r_2026_01_01_one"));
		engine.setOnChangedUpgrade(OnChangedUpgrade.FAIL);

		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageContaining("Refusing to run (upgrader.on-changed-upgrade=fail): 1 applied upgrade(s) changed")
			.withMessageContaining("r_2026_01_01_one");
		assertThat(ran()).containsExactly("r_2026_01_01_one");
		assertThat(engine.applied()).extracting(AppliedUpgrade::id).containsExactly("r_2026_01_01_one");
	}

	@Test
	void acceptChangeRecordsTheNewChecksumAfterwhichRunsAndChecksAreClean() {
		TestUpgrade one = inserting("r_2026_01_01_one").withChecksum("v1");
		engine(one).run(RunOptions.unattended());
		one.withChecksum("v2");
		UpgradeEngine engine = engine(one, inserting("r_2026_01_02_two", "r_2026_01_01_one"));
		engine.setOnChangedUpgrade(OnChangedUpgrade.FAIL);

		engine.acceptChange("r_2026_01_01_one");

		assertThat(engine.applied()).extracting(AppliedUpgrade::checksum).containsExactly("v2");
		assertThat(engine.check().isClean()).isTrue();
		assertThat(engine.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_02_two");
		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine.acceptChange("r_2026_01_01_one"))
			.withMessage("Nothing to accept for r_2026_01_01_one: its checksum v2 matches the log");
		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine.acceptChange("r_2026_09_09_nine"))
			.withMessageContaining("Cannot accept a change to r_2026_09_09_nine: it is not in the log");
	}

	@Test
	void aLogTableOfTheCurrentReleaseGetsTheChecksumColumnInPlaceAtTheFirstRunKeepingEveryRow() {
		this.jdbc.execute(RELEASE_0_1_0_LOG_DDL.formatted(this.table, timestampType()));
		this.jdbc.execute(RELEASE_0_1_0_FAILURE_DDL.formatted(this.table, timestampType()));
		LocalDateTime ranAt = LocalDateTime.of(2026, 1, 5, 10, 30, 15, 123_000_000);
		LocalDateTime populatedAt = LocalDateTime.of(2026, 1, 6, 8, 0);
		this.jdbc.update("INSERT INTO " + this.table + " (upgrade, applied, kind, duration_ms, applied_by, info)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", "r_2026_01_01_one", ranAt, "run", 42L, "host-a", "First");
		this.jdbc.update(
				"INSERT INTO " + this.table + " (upgrade, applied, kind, duration_ms, applied_by, info)"
						+ " VALUES (?, ?, ?, ?, ?, ?)",
				"r_2026_01_02_two", populatedAt, "populate", null, "host-b", "Second");
		List<AppliedUpgrade> before = List.of(
				new AppliedUpgrade("r_2026_01_01_one", ranAt.toInstant(ZoneOffset.UTC), AppliedUpgrade.Kind.RUN,
						Duration.ofMillis(42), "host-a", "First"),
				new AppliedUpgrade("r_2026_01_02_two", populatedAt.toInstant(ZoneOffset.UTC),
						AppliedUpgrade.Kind.POPULATE, null, "host-b", "Second"));
		TestUpgrade one = inserting("r_2026_01_01_one").withChecksum("one-v1");
		TestUpgrade two = inserting("r_2026_01_02_two", "r_2026_01_01_one");
		UpgradeEngine engine = engine(one, two);
		assertThat(engine.applied()).isEqualTo(before);
		assertThat(engine.check().isClean()).isTrue();

		RunResult nothingPending = engine.run(RunOptions.unattended());

		assertThat(nothingPending.applied()).isEmpty();
		assertThat(columns()).contains("checksum");
		assertThat(engine.applied()).isEqualTo(before);

		TestUpgrade three = inserting("r_2026_01_03_three", "r_2026_01_02_two").withChecksum("three-v1");
		UpgradeEngine later = engine(one, two, three);
		assertThat(later.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_03_three");
		assertThat(later.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::checksum)
			.containsExactly(tuple("r_2026_01_01_one", null), tuple("r_2026_01_02_two", null),
					tuple("r_2026_01_03_three", "three-v1"));
		assertThat(later.check().isClean()).as("rows from before checksums are not compared").isTrue();
		assertThat(ran()).containsExactly("r_2026_01_03_three");
	}

	@Test
	void aForeignTableUnderTheLogsNameIsNeverAltered() {
		this.jdbc.execute("CREATE TABLE " + this.table + " (id INT PRIMARY KEY, payload VARCHAR(10))");

		assertThatExceptionOfType(UpgraderException.class)
			.isThrownBy(() -> engine(inserting("r_2026_01_01_one")).run(RunOptions.unattended()))
			.withMessageStartingWith("The table " + this.table + " exists but is not an Upgrader table");
		assertThat(columns()).containsExactly("id", "payload");
		assertThat(ran()).isEmpty();
	}

	private List<String> columns() {
		return this.jdbc.query("SELECT * FROM " + this.table + " WHERE 1 = 0", (result) -> {
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
				names.add(result.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
			}
			return names;
		});
	}

	@Test
	void aBaselineOnADatabaseBuiltWithoutUpgraderRecordsTheUpgradeAndItsAncestorsSoOnlyLaterOnesRun() {
		UpgradeEngine engine = engine(inserting("shop_2026_01_01_create").withChecksum("c1"),
				inserting("shop_2026_01_02_add_price", "shop_2026_01_01_create"),
				inserting("billing_2026_01_03_invoices", "shop_2026_01_01_create"),
				inserting("shop_2026_02_01_index", "shop_2026_01_02_add_price"),
				inserting("billing_2026_02_02_status", "billing_2026_01_03_invoices"));

		List<String> recorded = engine.baseline("shop_2026_01_02_add_price");

		assertThat(recorded).containsExactly("shop_2026_01_01_create", "shop_2026_01_02_add_price");
		assertThat(engine.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::kind, AppliedUpgrade::checksum)
			.containsExactlyInAnyOrder(tuple("shop_2026_01_01_create", AppliedUpgrade.Kind.BASELINE, "c1"),
					tuple("shop_2026_01_02_add_price", AppliedUpgrade.Kind.BASELINE, null));
		assertThat(this.jdbc.queryForObject("SELECT kind FROM " + this.table + " WHERE upgrade = ?", String.class,
				"shop_2026_01_01_create"))
			.isEqualTo("baseline");
		assertThat(engine.run(RunOptions.unattended()).applied()).containsExactly("billing_2026_01_03_invoices",
				"billing_2026_02_02_status", "shop_2026_02_01_index");
		assertThat(ran()).containsExactly("billing_2026_01_03_invoices", "billing_2026_02_02_status",
				"shop_2026_02_01_index");
	}

	@Test
	void theRowsOfABaselineCommandAreReportedToTheListeners() {
		List<List<String>> reported = new ArrayList<>();
		engine(List.of(recordingInto(reported)), inserting("r_2026_01_01_one"),
				inserting("r_2026_01_02_two", "r_2026_01_01_one"))
			.baseline("r_2026_01_01_one");

		assertThat(reported).containsExactly(List.of("r_2026_01_01_one"));
	}

	@Test
	void theRowsOfTheBaselineSettingAreReportedToTheListenersAtTheFirstRun() {
		List<List<String>> reported = new ArrayList<>();
		UpgradeEngine engine = engine(List.of(recordingInto(reported)), inserting("r_2026_01_01_one"),
				inserting("r_2026_01_02_two", "r_2026_01_01_one"), inserting("r_2026_01_03_three", "r_2026_01_02_two"));
		engine.setBaseline("r_2026_01_02_two");

		engine.run(RunOptions.unattended());
		engine.run(RunOptions.unattended());

		assertThat(reported).containsExactly(List.of("r_2026_01_01_one", "r_2026_01_02_two"));
	}

	private static UpgradeListener recordingInto(List<List<String>> reported) {
		return new UpgradeListener() {

			@Override
			public void recorded(List<AppliedUpgrade> rows) {
				reported.add(rows.stream().map(AppliedUpgrade::id).toList());
			}

		};
	}

	@Test
	void aBaselineOnANonEmptyLogIsRefusedAndWritesNothing() {
		UpgradeEngine engine = engine(inserting("r_2026_01_01_one"), inserting("r_2026_01_02_two", "r_2026_01_01_one"));
		engine.markApplied("r_2026_01_01_one");

		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine.baseline("r_2026_01_02_two"))
			.withMessage("Cannot baseline at r_2026_01_02_two: the log already has 1 row(s), the first"
					+ " r_2026_01_01_one (manual). A baseline only starts an empty log; record single upgrades with"
					+ " 'upgrader mark-applied ID' instead.");
		assertThat(engine.applied()).extracting(AppliedUpgrade::id).containsExactly("r_2026_01_01_one");
	}

	@Test
	void aBaselineAtAnUnknownIdIsRefusedAndCreatesNothing() {
		UpgradeEngine engine = engine(inserting("r_2026_01_01_one"));

		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine.baseline("r_2026_05_05_nope"))
			.withMessage("Cannot baseline at r_2026_05_05_nope: the code has no upgrade with that id");
		assertThat(TableQueries.rowsOrNullIfMissing(this.jdbc, this.table)).isNull();
	}

	@Test
	void theBaselineSettingAppliesOnlyWhileTheLogIsEmpty() {
		UpgradeEngine engine = engine(inserting("r_2026_01_01_one"), inserting("r_2026_01_02_two", "r_2026_01_01_one"),
				inserting("r_2026_01_03_three", "r_2026_01_02_two"));
		engine.setBaseline("r_2026_01_02_two");
		assertThat(engine.pending()).extracting(PendingUpgrade::id).containsExactly("r_2026_01_03_three");

		assertThat(engine.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_03_three");
		assertThat(engine.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::kind)
			.containsExactlyInAnyOrder(tuple("r_2026_01_01_one", AppliedUpgrade.Kind.BASELINE),
					tuple("r_2026_01_02_two", AppliedUpgrade.Kind.BASELINE),
					tuple("r_2026_01_03_three", AppliedUpgrade.Kind.RUN));

		UpgradeEngine later = engine(inserting("r_2026_01_01_one"), inserting("r_2026_01_02_two", "r_2026_01_01_one"),
				inserting("r_2026_01_03_three", "r_2026_01_02_two"),
				inserting("r_2026_01_04_four", "r_2026_01_03_three"));
		later.setBaseline("r_2026_01_04_four");
		assertThat(later.pending()).extracting(PendingUpgrade::id).containsExactly("r_2026_01_04_four");
		assertThat(later.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_04_four");
		assertThat(ran()).containsExactly("r_2026_01_03_three", "r_2026_01_04_four");
	}

	@Test
	void aBaselineSettingThatNamesNoUpgradeIsAGraphProblemAndNothingRuns() {
		UpgradeEngine engine = engine(inserting("r_2026_01_01_one"));
		engine.setBaseline("r_2026_01_09_typo");

		assertThatExceptionOfType(UpgradeGraphException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageContaining("upgrader.baseline names r_2026_01_09_typo, which is not an upgrade of the code");
		assertThat(ran()).isEmpty();
		assertThat(engine.applied()).isEmpty();
	}

	@Test
	void importedRowsAreNotGhosts() {
		UpgradeEngine engine = engine(inserting("r_2026_01_01_one", "flyway_2025_12_01_v1_init"));
		new JdbcUpgradeLog(this.jdbc, this.table, this.dialect).createIfMissing();
		new JdbcUpgradeLog(this.jdbc, this.table, this.dialect)
			.record(List.of(new AppliedUpgrade("flyway_2025_12_01_v1_init", Instant.parse("2025-12-01T10:00:00Z"),
					AppliedUpgrade.Kind.IMPORT, Duration.ofMillis(5), "sa (Flyway)", "Flyway V1: init")));

		RunResult result = engine.run(RunOptions.unattended());

		assertThat(result.applied()).containsExactly("r_2026_01_01_one");
		assertThat(result.warnings()).isEmpty();
		assertThat(engine.info().ghosts()).isEmpty();
	}

}
