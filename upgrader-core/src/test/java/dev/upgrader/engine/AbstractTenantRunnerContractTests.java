package dev.upgrader.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.RunOptions;
import dev.upgrader.TenantFailurePolicy;
import dev.upgrader.TenantListener;
import dev.upgrader.TenantRun;
import dev.upgrader.TenantStatus;
import dev.upgrader.TenantsRunResult;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeTarget;
import dev.upgrader.UpgraderException;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tenants as schemas of one database (MariaDB: databases of one server), on every
 * supported database: each has its own log and lock, runs go in parallel, a failure is
 * isolated and retried alone. Schemas get unique names and are dropped after each test.
 */
abstract class AbstractTenantRunnerContractTests {

	private static final String FIRST = "tenant_2026_01_01_create_notes";

	private static final String SECOND = "tenant_2026_01_02_add_note";

	private final TestDatabase database;

	private HikariDataSource dataSource;

	private JdbcTemplate jdbc;

	private final List<String> schemas = new ArrayList<>();

	private final Map<String, Integer> executions = new ConcurrentHashMap<>();

	private final String table = TestDatabase.uniqueName("ulog");

	AbstractTenantRunnerContractTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void prepare() {
		this.dataSource = this.database.dataSource();
		this.dataSource.setMaximumPoolSize(8);
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void cleanUp() {
		this.database.dropSchemas(this.dataSource, this.schemas);
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	private List<UpgradeTarget> tenants(int count) {
		List<UpgradeTarget> targets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			targets.add(UpgradeTarget.schema(this.dataSource, newSchema()));
		}
		return targets;
	}

	private String newSchema() {
		String schema = TestDatabase.uniqueName("uten");
		this.schemas.add(schema);
		return schema;
	}

	private TenantRunner runner(List<UpgradeTarget> targets, int parallelism, TenantFailurePolicy onFailure,
			Upgrade... upgrades) {
		TenantEngines engines = new TenantEngines((dialect) -> () -> List.of(upgrades),
				EngineSettings.defaults().withTable(this.table).withLock(null, Duration.ofSeconds(30)),
				(target) -> List.of());
		return new TenantRunner(() -> targets, engines, parallelism, onFailure);
	}

	private Upgrade createNotes() {
		return TestUpgrade.of(FIRST).doing((context) -> {
			executed(context.tenant() + ":" + FIRST);
			context.jdbc().execute("CREATE TABLE notes (tenant VARCHAR(100) NOT NULL)");
		});
	}

	private Upgrade addNote(AtomicBoolean failInSecond, String failing) {
		return TestUpgrade.of(SECOND, FIRST).doing((context) -> {
			if (failInSecond.get() && context.tenant().equals(failing)) {
				throw new IllegalStateException("boom in " + context.tenant());
			}
			executed(context.tenant() + ":" + SECOND);
			context.jdbc().update("INSERT INTO notes (tenant) VALUES (?)", context.tenant());
		});
	}

	private void executed(String key) {
		this.executions.merge(key, 1, Integer::sum);
	}

	private List<String> notesOf(String schema) {
		return this.jdbc.queryForList("SELECT tenant FROM " + schema + ".notes", String.class);
	}

	private List<String> logOf(String schema) {
		return this.jdbc.queryForList("SELECT upgrade FROM " + schema + "." + this.table + " ORDER BY upgrade",
				String.class);
	}

	@Test
	void everyTenantGetsEveryUpgradeOnceInItsOwnSchemaWithItsOwnLog() {
		List<UpgradeTarget> targets = tenants(6);
		TenantRunner runner = runner(targets, 3, TenantFailurePolicy.CONTINUE, createNotes(),
				addNote(new AtomicBoolean(), ""));
		String defaultCatalog = this.jdbc.execute((java.sql.Connection connection) -> connection.getCatalog());
		String defaultSchema = this.jdbc.execute((java.sql.Connection connection) -> connection.getSchema());

		TenantsRunResult result = runner.runAll(RunOptions.unattended(), new TenantListener() {
		});

		assertThat(result.failed()).isEmpty();
		assertThat(result.appliedCount()).isEqualTo(12);
		assertThat(result.tenants()).extracting(TenantRun::tenant)
			.containsExactlyElementsOf(targets.stream().map(UpgradeTarget::name).toList());
		for (UpgradeTarget target : targets) {
			assertThat(logOf(target.schema())).containsExactly(FIRST, SECOND);
			assertThat(notesOf(target.schema())).containsExactly(target.name());
			assertThat(this.executions).containsEntry(target.name() + ":" + FIRST, 1)
				.containsEntry(target.name() + ":" + SECOND, 1);
		}
		assertThat(new JdbcUpgradeLog(this.jdbc, this.table, DatabaseDialect.detect(this.dataSource)).exists())
			.as("log table in the default schema")
			.isFalse();
		// Borrowed connections went back to the pool in the application's schema.
		for (int i = 0; i < 8; i++) {
			assertThat(this.jdbc.execute((java.sql.Connection connection) -> connection.getCatalog()))
				.isEqualTo(defaultCatalog);
			assertThat(this.jdbc.execute((java.sql.Connection connection) -> connection.getSchema()))
				.isEqualTo(defaultSchema);
		}
		TenantsRunResult again = runner.runAll(RunOptions.unattended(), new TenantListener() {
		});
		assertThat(again.appliedCount()).isZero();
		assertThat(runner.status()).extracting(TenantStatus::applied, TenantStatus::pending, TenantStatus::failed)
			.containsOnly(org.assertj.core.groups.Tuple.tuple(2, 0, 0));
	}

	@Test
	void tenantsOnOneServerTakeDifferentLocks() throws Exception {
		List<UpgradeTarget> targets = tenants(2);
		CountDownLatch bothInside = new CountDownLatch(2);
		AtomicBoolean met = new AtomicBoolean(true);
		Upgrade meeting = TestUpgrade.of(FIRST).doing((context) -> {
			bothInside.countDown();
			// Each tenant's run holds its lock here: with a shared lock the second would
			// wait outside and the first would time out.
			if (!bothInside.await(20, TimeUnit.SECONDS)) {
				met.set(false);
			}
		});
		TenantRunner runner = runner(targets, 2, TenantFailurePolicy.CONTINUE, meeting);

		TenantsRunResult result = runner.runAll(RunOptions.unattended(), new TenantListener() {
		});

		assertThat(result.failed()).isEmpty();
		assertThat(met).as("both tenants ran at the same time").isTrue();
	}

	@Test
	void aFailingTenantIsIsolatedNamedAndRetriedAloneAtTheNextRun() {
		List<UpgradeTarget> targets = tenants(4);
		String failing = targets.get(1).name();
		AtomicBoolean fail = new AtomicBoolean(true);
		TenantRunner runner = runner(targets, 2, TenantFailurePolicy.CONTINUE, createNotes(), addNote(fail, failing));

		TenantsRunResult first = runner.runAll(RunOptions.unattended(), new TenantListener() {
		});

		assertThat(first.failed()).extracting(TenantRun::tenant).containsExactly(failing);
		assertThat(first.failed().get(0).failure()).hasMessageContaining(SECOND)
			.hasMessageContaining("boom in " + failing);
		assertThat(first.appliedCount()).as("upgrades of the tenants that succeeded").isEqualTo(6);
		assertThat(logOf(failing)).containsExactly(FIRST);
		assertThat(runner.status()).filteredOn((status) -> status.tenant().equals(failing))
			.singleElement()
			.satisfies((status) -> {
				assertThat(status.applied()).isOne();
				assertThat(status.pending()).isOne();
				assertThat(status.failed()).isOne();
			});

		fail.set(false);
		TenantsRunResult second = runner.runAll(RunOptions.unattended(), new TenantListener() {
		});

		assertThat(second.failed()).isEmpty();
		assertThat(second.tenants()).filteredOn((run) -> run.appliedCount() > 0).singleElement().satisfies((run) -> {
			assertThat(run.tenant()).isEqualTo(failing);
			assertThat(run.result().applied()).containsExactly(SECOND);
		});
		assertThat(this.executions).containsEntry(failing + ":" + FIRST, 1).containsEntry(failing + ":" + SECOND, 1);
	}

	@Test
	void stopPolicySkipsTenantsNotYetStarted() {
		List<UpgradeTarget> targets = tenants(3);
		String failing = targets.get(0).name();
		TenantRunner runner = runner(targets, 1, TenantFailurePolicy.STOP, createNotes(),
				addNote(new AtomicBoolean(true), failing));

		TenantsRunResult result = runner.runAll(RunOptions.unattended(), new TenantListener() {
		});

		assertThat(result.failed()).extracting(TenantRun::tenant).containsExactly(failing);
		assertThat(result.skipped()).extracting(TenantRun::tenant)
			.containsExactly(targets.get(1).name(), targets.get(2).name());
		assertThat(this.executions).doesNotContainKey(targets.get(1).name() + ":" + FIRST);
	}

	@Test
	void aTenantAddedAtRunTimeIsUpgradedAndListed() {
		List<UpgradeTarget> targets = tenants(1);
		TenantRunner runner = runner(targets, 2, TenantFailurePolicy.CONTINUE, createNotes(),
				addNote(new AtomicBoolean(), ""));
		UpgradeTarget signedUp = UpgradeTarget.schema(this.dataSource, newSchema());

		assertThat(runner.upgrade(signedUp).applied()).containsExactly(FIRST, SECOND);

		assertThat(runner.names()).containsExactly(targets.get(0).name(), signedUp.name());
		assertThat(notesOf(signedUp.schema())).containsExactly(signedUp.name());
		assertThat(runner.tenant(signedUp.name()).pending()).isEmpty();
		assertThatExceptionOfType(UpgraderException.class)
			.isThrownBy(() -> runner.upgrade(new UpgradeTarget(signedUp.name(), this.dataSource, newSchema())))
			.withMessageContaining("A tenant named '" + signedUp.name() + "' exists already");
	}

	@Test
	void aTenantPopulatedAtRunTimeRecordsEveryUpgradeWithoutRunningIt() {
		TenantRunner runner = runner(List.of(), 2, TenantFailurePolicy.CONTINUE, createNotes(),
				addNote(new AtomicBoolean(), ""));
		UpgradeTarget fresh = UpgradeTarget.schema(this.dataSource, newSchema());

		assertThat(runner.populate(fresh)).isEqualTo(2);

		assertThat(logOf(fresh.schema())).containsExactly(FIRST, SECOND);
		assertThat(this.executions).isEmpty();
	}

	@Test
	void anUpgradeUsingTheApplicationsJdbcTemplateWorksInTheTenantsSchema() {
		List<UpgradeTarget> targets = tenants(3);
		JdbcTemplate application = new JdbcTemplate(this.dataSource);
		Upgrade injected = TestUpgrade.of(SECOND, FIRST)
			.doing((context) -> application.update("INSERT INTO notes (tenant) VALUES (?)", context.tenant()));
		TenantRunner runner = runner(targets, 3, TenantFailurePolicy.CONTINUE, createNotes(), injected);

		TenantsRunResult result = runner.runAll(RunOptions.unattended(), new TenantListener() {
		});

		assertThat(result.failed()).isEmpty();
		for (UpgradeTarget target : targets) {
			assertThat(notesOf(target.schema())).containsExactly(target.name());
		}
	}

	@Test
	void unknownTenantIsNamed() {
		List<UpgradeTarget> targets = tenants(2);
		TenantRunner runner = runner(targets, 2, TenantFailurePolicy.CONTINUE, createNotes());

		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> runner.tenant("nobody"))
			.withMessage("Unknown tenant 'nobody'; the tenants are "
					+ IntStream.range(0, 2).mapToObj((i) -> targets.get(i).name()).toList());
	}

}
