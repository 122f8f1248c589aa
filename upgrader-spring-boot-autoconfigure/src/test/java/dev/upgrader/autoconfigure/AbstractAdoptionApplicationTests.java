package dev.upgrader.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.ChangedUpgradeException;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderException;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestNamespace;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Whole applications that adopt a database and that ship a changed upgrade: release 1 and
 * release 2 are two packages of scanned upgrades, started one after the other on the same
 * database. Each test has a namespace of its own (a schema on PostgreSQL, a database on
 * MariaDB), as a database built without Upgrader is.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractAdoptionApplicationTests {

	private static final String RELEASE_1 = "upgrader.packages=dev.upgrader.autoconfigure.adopt.release1";

	private static final String RELEASE_2 = "upgrader.packages=dev.upgrader.autoconfigure.adopt.release2";

	@RegisterExtension
	final TestNamespace namespace;

	AbstractAdoptionApplicationTests(TestDatabase database) {
		this.namespace = new TestNamespace(database, "adopt");
	}

	private ConfigurableApplicationContext start(String... properties) {
		return TestApplications.onH2(AdoptionApplication.class, this.namespace.connection().properties())
			.properties(properties)
			.run();
	}

	private JdbcTemplate jdbc() {
		TestDatabase.Connection connection = this.namespace.connection();
		return new JdbcTemplate(
				new DriverManagerDataSource(connection.url(), connection.user(), connection.password()));
	}

	@Test
	void theBaselinePropertyStartsADatabaseBuiltWithoutUpgraderSoOnlyLaterUpgradesRun() {
		jdbc().execute("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(200))");

		try (ConfigurableApplicationContext context = start(RELEASE_2,
				"upgrader.baseline=shop_2026_01_01_create_products")) {
			assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::kind)
				.containsExactlyInAnyOrder(tuple("shop_2026_01_01_create_products", AppliedUpgrade.Kind.BASELINE),
						tuple("shop_2026_02_01_add_price", AppliedUpgrade.Kind.RUN));
		}
		assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM products WHERE price IS NULL", Integer.class)).isZero();

		try (ConfigurableApplicationContext context = start(RELEASE_2, "upgrader.baseline=shop_2026_02_01_add_price")) {
			assertThat(context.getBean(Upgrader.class).applied()).as("a baseline once the log has rows is ignored")
				.extracting(AppliedUpgrade::kind)
				.containsExactlyInAnyOrder(AppliedUpgrade.Kind.BASELINE, AppliedUpgrade.Kind.RUN);
		}
	}

	@Test
	void aBaselinePropertyNamingNoUpgradeStopsTheStartNamingIt() {
		assertThatExceptionOfType(UpgraderException.class)
			.isThrownBy(() -> start(RELEASE_2, "upgrader.baseline=shop_2026_01_01_create_prodcts"))
			.withMessageContaining(
					"upgrader.baseline names shop_2026_01_01_create_prodcts, which is not an upgrade of the code");
		assertThatExceptionOfType(DataAccessException.class).as("no upgrade ran")
			.isThrownBy(() -> jdbc().queryForObject("SELECT COUNT(*) FROM products", Integer.class));
	}

	@Test
	void byDefaultAChangedUpgradeIsAWarningAtStartUpAndTheNewUpgradesRun(CapturedOutput output) {
		start(RELEASE_1).close();

		try (ConfigurableApplicationContext context = start(RELEASE_2)) {
			Upgrader upgrader = context.getBean(Upgrader.class);
			assertThat(upgrader.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::checksum)
				.containsExactly(tuple("shop_2026_01_01_create_products", "create-products-1"),
						tuple("shop_2026_02_01_add_price", "add-price-1"));
			assertThat(upgrader.info().changed()).singleElement()
				.satisfies((changed) -> assertThat(changed.current()).isEqualTo("create-products-2"));
		}
		assertThat(output).contains("WARN", "Upgrade shop_2026_01_01_create_products changed after it was applied:"
				+ " the log recorded checksum create-products-1, the code now has create-products-2");
	}

	@Test
	void withFailAChangedUpgradeStopsTheStartAndNothingRunsUntilTheChangeIsAccepted() {
		start(RELEASE_1).close();

		assertThatExceptionOfType(ChangedUpgradeException.class)
			.isThrownBy(() -> start(RELEASE_2, "upgrader.on-changed-upgrade=fail"))
			.withMessageContaining("Refusing to run (upgrader.on-changed-upgrade=fail)")
			.withMessageContaining("shop_2026_01_01_create_products");
		assertThat(jdbc().queryForList("SELECT upgrade FROM upgrader_log", String.class))
			.containsExactly("shop_2026_01_01_create_products");

		try (ConfigurableApplicationContext context = start(RELEASE_2, "upgrader.on-changed-upgrade=fail",
				"upgrader.auto-run=false")) {
			Upgrader upgrader = context.getBean(Upgrader.class);
			upgrader.acceptChange("shop_2026_01_01_create_products");
			assertThat(upgrader.check().isClean()).isTrue();
		}
		try (ConfigurableApplicationContext context = start(RELEASE_2, "upgrader.on-changed-upgrade=fail")) {
			assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
				.containsExactly("shop_2026_01_01_create_products", "shop_2026_02_01_add_price");
		}
	}

	@Test
	void theApplicationsOwnLogTableOfTheCurrentReleaseGetsTheChecksumColumnAtTheFirstStart() {
		JdbcTemplate jdbc = jdbc();
		// The log's columns as the dialect creates them, but for the checksum.
		String timestamp = (this.namespace.database() == TestDatabase.MARIADB) ? "DATETIME(3)" : "TIMESTAMP(3)";
		jdbc.execute("CREATE TABLE upgrader_log (upgrade VARCHAR(255) NOT NULL PRIMARY KEY, applied " + timestamp
				+ " NOT NULL, kind VARCHAR(16) NOT NULL, duration_ms BIGINT, applied_by VARCHAR(255) NOT NULL,"
				+ " info VARCHAR(1000) NOT NULL)");
		jdbc.update("INSERT INTO upgrader_log (upgrade, applied, kind, duration_ms, applied_by, info)"
				+ " VALUES ('shop_2026_01_01_create_products', TIMESTAMP '2026-01-05 10:00:00', 'run', 12, 'old-host',"
				+ " 'Create the products table')");
		jdbc.execute("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(100))");

		try (ConfigurableApplicationContext context = start(RELEASE_2)) {
			assertThat(context.getBean(Upgrader.class).applied())
				.extracting(AppliedUpgrade::id, AppliedUpgrade::appliedBy, AppliedUpgrade::duration,
						AppliedUpgrade::checksum)
				.startsWith(tuple("shop_2026_01_01_create_products", "old-host", Duration.ofMillis(12), null))
				.extracting((row) -> row.toList().get(0) + " " + row.toList().get(3))
				.containsExactly("shop_2026_01_01_create_products null", "shop_2026_02_01_add_price add-price-1");
		}
		List<String> kinds = jdbc.queryForList("SELECT kind FROM upgrader_log ORDER BY applied", String.class);
		assertThat(kinds).containsExactly("run", "run");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AdoptionApplication {

	}

}
