package dev.upgrader.sqlapp;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderInfo;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A whole application with Java upgrades in its package and SQL upgrade files on its
 * class path: one graph with dependencies both ways, the H2 variant of a file chosen on
 * H2; bad files and a file duplicating a class stop the start, naming the files, with
 * nothing written.
 */
class SqlUpgradeApplicationTests {

	private static final String LOCATION = "upgrader.sql-locations=classpath:sqlapp/db/upgrades";

	private final TestDatabase.Connection database = TestDatabase.H2.connection();

	@Test
	void javaAndSqlUpgradesRunAsOneGraph() {
		try (ConfigurableApplicationContext context = application(LOCATION).run()) {
			Upgrader upgrader = context.getBean(Upgrader.class);
			assertThat(upgrader.applied()).extracting(AppliedUpgrade::id)
				.containsExactly("shop_2026_01_01_create_products", "shop_2026_01_02_seed_products",
						"shop_2026_01_03_price_products", "shop_2026_01_04_mark_database");
			assertThat(upgrader.applied()).extracting(AppliedUpgrade::info)
				.contains("Add a price column and seed the products", "Record which file ran, on H2");
			assertThat(jdbc().queryForList("SELECT name || ' ' || price_cents FROM products ORDER BY id", String.class))
				.containsExactly("Kettle; steel 250", "Teapot -- porcelain 250", "h2 variant 0");
			UpgraderInfo info = upgrader.info();
			assertThat(info.node("shop_2026_01_03_price_products")).get()
				.extracting(UpgraderInfo.Node::dependsOn)
				.isEqualTo(List.of("shop_2026_01_02_seed_products"));
			assertThat(info.problems()).isEmpty();
			assertThat(upgrader.check().problems()).isEmpty();
		}
	}

	@Test
	void sqlUpgradesArePendingLikeJavaOnesWithTheirEstimates() {
		try (ConfigurableApplicationContext context = application(LOCATION, "upgrader.auto-run=false").run()) {
			assertThat(context.getBean(Upgrader.class).pending())
				.extracting((pending) -> pending.id() + " " + pending.estimate().toSeconds() + "s")
				.containsExactly("shop_2026_01_01_create_products 1s", "shop_2026_01_02_seed_products 2s",
						"shop_2026_01_03_price_products 1s", "shop_2026_01_04_mark_database 1s");
		}
	}

	@Test
	void aFileAndAClassWithTheSameIdStopTheStartNamingBoth() {
		assertThatExceptionOfType(UpgradeGraphException.class)
			.isThrownBy(() -> application(LOCATION + ",classpath:sqlapp/duplicate").run())
			.withMessageContaining("Duplicate upgrade id shop_2026_01_01_create_products: declared by "
					+ shop_2026_01_01_create_products.class.getName()
					+ " and by SQL file classpath:sqlapp/duplicate/shop_2026_01_01_create_products.sql");
		assertNothingWritten();
	}

	@Test
	void badFilesStopTheStartNamingEachFile() {
		// The files are read when the engine is created: the start fails before any run.
		assertThatThrownBy(() -> application(LOCATION + ",classpath:sqlapp/broken").run()).rootCause()
			.isInstanceOf(UpgradeGraphException.class)
			.satisfies((ex) -> assertThat(((UpgradeGraphException) ex).getProblems()).containsExactly(
					"SQL file classpath:sqlapp/broken/Empty.sql: Invalid upgrade id 'Empty': expected"
							+ " <repository>_<yyyy>_<mm>_<dd>_<name> or <repository>_release_<x>_<y>_<z>",
					"SQL file classpath:sqlapp/broken/shop_2026_01_07_x.oracle.sql: 'oracle' is not a database"
							+ " Upgrader knows; name the file shop_2026_01_07_x.sql, or"
							+ " shop_2026_01_07_x.<database>.sql with one of h2, postgresql, mysql",
					"SQL file classpath:sqlapp/broken/shop_2026_01_05_no_info.sql: the header lacks"
							+ " '-- info: <description>', which is required",
					"SQL file classpath:sqlapp/broken/shop_2026_01_06_typo.sql: line 2: unknown header key"
							+ " 'dependson' (the header knows depends-on, info and estimate)",
					"SQL file classpath:sqlapp/broken/shop_2026_01_08_empty.sql: the file is empty; write its"
							+ " header and statements"));
		assertNothingWritten();
	}

	private SpringApplicationBuilder application(String... properties) {
		return new SpringApplicationBuilder(SqlApplication.class).web(WebApplicationType.NONE)
			.properties(this.database.properties())
			.properties("spring.main.banner-mode=off", TestApplications.PLAIN_JDBC)
			.properties(properties);
	}

	private JdbcTemplate jdbc() {
		return new JdbcTemplate(
				new DriverManagerDataSource(this.database.url(), this.database.user(), this.database.password()));
	}

	private void assertNothingWritten() {
		assertThat(jdbc().queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN ('UPGRADER_LOG', 'PRODUCTS')",
				Integer.class))
			.as("log or upgraded tables created")
			.isZero();
	}

}
