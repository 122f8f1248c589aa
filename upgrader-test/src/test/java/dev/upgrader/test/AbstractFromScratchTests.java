package dev.upgrader.test;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.upgrader.Upgrade;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestNamespace;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link UpgradesAssert#appliesFromScratchOn(DataSource)} through
 * {@link FreshDatabase#url}, on every supported database; each test gets an empty schema
 * (a database on MariaDB) of its own.
 */
abstract class AbstractFromScratchTests {

	private static final String UPGRADES = "dev.upgrader.test.fixtures.shop.upgrades";

	@RegisterExtension
	final TestNamespace namespace;

	private FreshDatabase fresh;

	AbstractFromScratchTests(TestDatabase database) {
		this.namespace = new TestNamespace(database, "kit");
	}

	@BeforeEach
	void createFreshDatabase() {
		TestDatabase.Connection connection = this.namespace.connection();
		this.fresh = FreshDatabase.url(connection.url(), connection.user(), connection.password());
		this.fresh.beforeEach(null);
	}

	@AfterEach
	void dropFreshDatabase() throws Exception {
		this.fresh.afterEach(null);
	}

	@Test
	void cleanUpgradesApplyFromScratch() {
		DataSource dataSource = this.fresh.dataSource();
		UpgraderAssertions.assertThat(ScannedUpgrades.in(dataSource, UPGRADES)).appliesFromScratchOn(dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM carts", Integer.class)).isZero();
		assertThat(jdbc.queryForList("SELECT upgrade FROM upgrader_log ORDER BY upgrade", String.class))
			.containsExactly("shop_2026_01_10_create_carts", "shop_2026_01_20_add_cart_total", "shop_release_1_0_0");
		assertThat(tables(jdbc)).contains("upgrader_log")
			.noneMatch((table) -> table.startsWith(FromScratchRun.POPULATE_TABLE));
	}

	private static List<String> tables(JdbcTemplate jdbc) {
		return jdbc.execute((ConnectionCallback<List<String>>) (connection) -> {
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = connection.getMetaData()
				.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE" })) {
				while (rows.next()) {
					tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
				}
			}
			return tables;
		});
	}

	@Test
	void anUpgradeThatOnlyWorkedOnTheDevelopersDatabaseFailsNamingIt() {
		DataSource dataSource = this.fresh.dataSource();
		List<Upgrade> upgrades = new ArrayList<>(ScannedUpgrades.in(dataSource, UPGRADES));
		upgrades.add(TestUpgrade.of("shop_2026_01_25_fill_totals", "shop_2026_01_20_add_cart_total")
			.doing((context) -> context.jdbc().update("UPDATE developer_scratch SET x = 1")));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> UpgraderAssertions.assertThat(upgrades).appliesFromScratchOn(dataSource))
			.withMessageContaining("The run from scratch on")
			.withMessageContaining("Upgrade shop_2026_01_25_fill_totals failed")
			.withMessageContaining("developer_scratch");
	}

}
