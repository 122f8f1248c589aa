package dev.upgrader.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;
import dev.upgrader.Upgrader;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeEngine;
import dev.upgrader.engine.UpgradeLock;
import dev.upgrader.engine.UpgradeLog;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue of bad input (docs/errors.md): each case gives one clear message naming
 * the culprit, and writes nothing — the log table is never even created.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputCatalogueTests {

	private final TestDatabase.Connection connection = TestDatabase.H2.connection();

	private HikariDataSource dataSource;

	private final String table = TestDatabase.uniqueName("ubad");

	@BeforeEach
	void prepare() {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(this.connection.url());
		this.dataSource.setUsername(this.connection.user());
	}

	@AfterEach
	void close() {
		this.dataSource.close();
	}

	private UpgradeEngine engine(Upgrade... upgrades) {
		DatabaseDialect dialect = DatabaseDialect.detect(this.dataSource);
		return new UpgradeEngine(this.dataSource, dialect, () -> List.of(upgrades),
				UpgradeLog.jdbc(this.dataSource, this.table, dialect),
				dialect.lock(this.dataSource, this.table, Duration.ofMillis(200)), List.of());
	}

	private void assertRunFails(UpgradeEngine engine, String message) {
		assertThatThrownBy(() -> engine.run(RunOptions.unattended())).hasMessageContaining(message);
		assertNothingWritten();
	}

	private void assertNothingWritten() {
		assertThat(UpgradeLog.jdbc(this.dataSource, this.table, DatabaseDialect.detect(this.dataSource)).exists())
			.as("log table created")
			.isFalse();
	}

	private ApplicationContextRunner application() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					JdbcTemplateAutoConfiguration.class, UpgraderAutoConfiguration.class))
			.withPropertyValues(this.connection.properties())
			.withPropertyValues("upgrader.table=" + this.table, "upgrader.packages=dev.upgrader.autoconfigure.none");
	}

	private static ContextConsumer<AssertableApplicationContext> failsWith(String message) {
		return (context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains(message);
		};
	}

	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}

	@Test
	void cycle() {
		assertRunFails(
				engine(TestUpgrade.of("r_2026_01_01_a", "r_2026_01_02_b"),
						TestUpgrade.of("r_2026_01_02_b", "r_2026_01_01_a")),
				"Dependency cycle: r_2026_01_01_a -> r_2026_01_02_b -> r_2026_01_01_a (each depends on the next)");
	}

	@Test
	void missingDependency() {
		assertRunFails(engine(TestUpgrade.of("r_2026_01_02_b", "r_2026_01_01_gone")),
				"Upgrade r_2026_01_02_b depends on an unknown upgrade r_2026_01_01_gone (neither in the code nor in the log)");
	}

	@Test
	void duplicateId() {
		assertRunFails(engine(TestUpgrade.of("r_2026_01_01_a"), TestUpgrade.of("r_2026_01_01_a")),
				"Duplicate upgrade id r_2026_01_01_a: declared by " + TestUpgrade.class.getName() + " and by "
						+ TestUpgrade.class.getName());
	}

	@Test
	void malformedId() {
		assertRunFails(engine(TestUpgrade.of("CreateUsers")),
				"Invalid upgrade id 'CreateUsers': expected"
						+ " <repository>_<yyyy>_<mm>_<dd>_<name> or <repository>_release_<x>_<y>_<z> (class "
						+ TestUpgrade.class.getName() + ")");
	}

	@Test
	void impossibleDateInId() {
		assertRunFails(engine(TestUpgrade.of("r_2026_02_40_a")),
				"Invalid upgrade id 'r_2026_02_40_a': '2026_02_40' is not a date (yyyy_mm_dd)");
	}

	@Test
	void idLongerThanTheLogColumn() {
		String id = "r_2026_01_01_" + "a".repeat(250);
		AtomicInteger runs = new AtomicInteger();
		assertRunFails(engine(TestUpgrade.of(id).doing((context) -> runs.incrementAndGet())),
				"Invalid upgrade id '" + id.substring(0, 40) + "…' (263 characters, class "
						+ TestUpgrade.class.getName()
						+ "): the log's upgrade column holds at most 255 characters; shorten the name");
		assertThat(runs).hasValue(0);
	}

	@Test
	void idThatChangesBetweenCalls() {
		AtomicInteger calls = new AtomicInteger();
		Upgrade changing = new Broken("r_2026_01_01_a", List.of(), Duration.ofSeconds(1)) {
			@Override
			public String id() {
				return "r_2026_01_01_a" + calls.incrementAndGet();
			}
		};
		assertRunFails(engine(changing, TestUpgrade.of("r_2026_01_02_b", "r_2026_01_01_x").doing((context) -> {
		})), "Upgrade class " + changing.getClass().getName()
				+ " returns a different id() at each call (r_2026_01_01_a1, then r_2026_01_01_a2): return a constant");
		assertThatThrownBy(
				() -> engine(changing, TestUpgrade.of("r_2026_01_02_b", "r_2026_01_01_x")).run(RunOptions.unattended()))
			.hasMessageContaining("depends on an unknown upgrade r_2026_01_01_x")
			.as("all problems at once");
	}

	@Test
	void nullId() {
		assertRunFails(engine(new Broken(null, List.of(), Duration.ofSeconds(1))),
				"Upgrade class " + Broken.class.getName() + " returns a null id()");
	}

	@Test
	void nullDependencyList() {
		assertRunFails(engine(new Broken("r_2026_01_01_a", null, Duration.ofSeconds(1))),
				"Upgrade r_2026_01_01_a returns null from dependsOn(); return an empty list for a first upgrade");
	}

	@Test
	void nullDependency() {
		assertRunFails(engine(
				new Broken("r_2026_01_01_a", java.util.Arrays.asList("r_2020_01_01_x", null), Duration.ofSeconds(1))),
				"Upgrade r_2026_01_01_a lists a null dependency in dependsOn()");
	}

	@Test
	void negativeEstimate() {
		assertRunFails(engine(new Broken("r_2026_01_01_a", List.of(), Duration.ofSeconds(-5))),
				"Upgrade r_2026_01_01_a returns PT-5S from estimate(); return a positive duration");
	}

	@Test
	void upgradeThatCannotDescribeItself() {
		Upgrade throwing = new Broken("r_2026_01_01_a", List.of(), Duration.ofSeconds(1)) {
			@Override
			public List<String> dependsOn() {
				throw new IllegalStateException("config missing");
			}
		};
		assertRunFails(engine(throwing), "failed to describe itself: java.lang.IllegalStateException: config missing");
	}

	@Test
	void failingPreCheck() {
		assertRunFails(engine(TestUpgrade.of("r_2026_01_01_a").checkingBefore((context) -> {
			throw new IllegalStateException("disk nearly full");
		})), "Pre-upgrade check for r_2026_01_01_a failed:" + System.lineSeparator() + " (-) disk nearly full");
	}

	@Test
	void logTableWithAForeignShape() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.execute("CREATE TABLE " + this.table + " (id INT PRIMARY KEY, payload VARCHAR(10))");
		jdbc.update("INSERT INTO " + this.table + " VALUES (1, 'theirs')");

		assertThatThrownBy(() -> engine(TestUpgrade.of("r_2026_01_01_a")).run(RunOptions.unattended()))
			.hasMessageStartingWith("The table " + this.table + " exists but is not an Upgrader table (expected the"
					+ " columns upgrade, applied, kind, duration_ms, applied_by, info)")
			.hasMessageContaining("Set upgrader.table to a name of its own");
		assertThat(jdbc.queryForList("SELECT payload FROM " + this.table, String.class)).containsExactly("theirs");
	}

	@Test
	void markAppliedWithAnUnknownId() {
		assertThatThrownBy(() -> engine(TestUpgrade.of("r_2026_01_01_a")).markApplied("r_2026_01_01_typo"))
			.hasMessage("Cannot mark r_2026_01_01_typo applied: the code has no upgrade with that id");
		assertNothingWritten();
	}

	@Test
	void lockHeldByAnotherInstanceForTooLong() {
		try (UpgradeLock.Held held = DatabaseDialect.detect(this.dataSource)
			.lock(this.dataSource, this.table, Duration.ZERO)
			.acquire()) {
			assertRunFails(engine(TestUpgrade.of("r_2026_01_01_a")),
					"waiting for the upgrade lock row lock on " + this.table + "_lock, held by another session");
		}
	}

	@Test
	void unknownDatabaseGetsTheGenericDialectInsteadOfARefusal() {
		DatabaseDialect dialect = DatabaseDialect.detect(new org.springframework.jdbc.datasource.SimpleDriverDataSource(
				new org.h2.Driver(), "jdbc:h2:mem:x;MODE=Derby") {
			@Override
			public java.sql.Connection getConnection() throws java.sql.SQLException {
				java.sql.Connection real = super.getConnection();
				return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
						new Class<?>[] { java.sql.Connection.class }, (proxy, method, args) -> {
							if (method.getName().equals("getMetaData")) {
								java.sql.DatabaseMetaData metaData = real.getMetaData();
								return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
										new Class<?>[] { java.sql.DatabaseMetaData.class },
										(p, m, a) -> m.getName().equals("getDatabaseProductName") ? "Apache Derby"
												: m.invoke(metaData, a));
							}
							return method.invoke(real, args);
						});
			}
		});
		assertThat(dialect).hasToString("Apache Derby");
		assertThat(dialect.hasSessionLock()).isFalse();
	}

	@Test
	void tableNameThatIsNotAPlainIdentifier() {
		application().withPropertyValues("upgrader.table=upgrader-log")
			.run(failsWith("Invalid upgrader.table 'upgrader-log': use a plain SQL identifier"));
	}

	@Test
	void tableNameTooLong() {
		String name = "t".repeat(56);
		application().withPropertyValues("upgrader.table=" + name)
			.run(failsWith("Invalid upgrader.table '" + name + "'"));
	}

	@Test
	void unknownAutoRunPhase() {
		application().withPropertyValues("upgrader.auto-run-phase=sometimes")
			.run(failsWith("Failed to bind properties under 'upgrader.auto-run-phase'"));
	}

	@Test
	void negativeLockWaitTimeout() {
		application().withPropertyValues("upgrader.lock.wait-timeout=-1s")
			.run(failsWith("Invalid upgrader.lock.wait-timeout 'PT-1S': use zero or a positive duration"));
	}

	@Test
	void lockWaitTimeoutThatIsNotADuration() {
		application().withPropertyValues("upgrader.lock.wait-timeout=soon")
			.run(failsWith("Failed to bind properties under 'upgrader.lock.wait-timeout'"));
	}

	@Test
	void unreachableDatabase() {
		application()
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
					"spring.datasource.hikari.connection-timeout=1000",
					"spring.datasource.hikari.initialization-fail-timeout=-1")
			.run(failsWith(
					"Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/nowhere to detect its type:"));
	}

	@Test
	void upgradeBeanThatCannotBeConstructed() {
		application().withPropertyValues("upgrader.packages=dev.upgrader.autoconfigure.unbuildable")
			.run(failsWith(
					"Error creating bean with name 'dev.upgrader.autoconfigure.unbuildable.bad_2026_01_01_needs_a_missing_bean'"));
		assertNothingWritten();
	}

	@Test
	void packagesNamingNothing(CapturedOutput output) {
		application().withPropertyValues("upgrader.packages=com.example.typo.upgrades").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Upgrader.class).pending()).isEmpty();
		});
		assertThat(output).contains(
				"upgrader.packages entry 'com.example.typo.upgrades' contains no Upgrade classes; check its spelling");
		assertNothingWritten();
	}

	/**
	 * An upgrade returning values that the {@link AbstractUpgrade} constructor refuses,
	 * to check the engine refuses them too from any implementation: it overrides the
	 * members it breaks.
	 */
	static class Broken extends AbstractUpgrade {

		private final String id;

		private final List<String> dependsOn;

		private final Duration estimate;

		Broken(String id, List<String> dependsOn, Duration estimate) {
			super("broken");
			this.id = id;
			this.dependsOn = dependsOn;
			this.estimate = estimate;
		}

		@Override
		public String id() {
			return this.id;
		}

		@Override
		public List<String> dependsOn() {
			return this.dependsOn;
		}

		@Override
		public Duration estimate() {
			return this.estimate;
		}

		@Override
		public void doUpgrade(UpgradeContext context) {
		}

	}

}
