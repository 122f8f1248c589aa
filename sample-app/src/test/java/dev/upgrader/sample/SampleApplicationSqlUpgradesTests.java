package dev.upgrader.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrader;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's SQL upgrades beside its Java ones on each database it ships a driver for:
 * the due-date upgrade's default file on H2 and PostgreSQL, its {@code .mysql.sql}
 * variant on MariaDB. PostgreSQL and MariaDB come from {@code UPGRADER_TEST_POSTGRES_URL}
 * and {@code UPGRADER_TEST_MARIADB_URL} (users {@code postgres} and {@code root}, no
 * password); without them those cases are skipped unless
 * {@code upgrader.test.databases=required}.
 */
class SampleApplicationSqlUpgradesTests {

	private static final String[] TABLES = { "invoices", "products", "upgrader_log", "upgrader_log_lock",
			"upgrader_log_failure" };

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "h2,,,sa", "postgresql,UPGRADER_TEST_POSTGRES_URL,jdbc:postgresql://127.0.0.1:5432/test,postgres",
			"mysql,UPGRADER_TEST_MARIADB_URL,jdbc:mariadb://127.0.0.1:3306/test,root" })
	void sqlUpgradesRunAfterTheJavaOnesTheyDependOn(String database, String urlVariable, String defaultUrl,
			String user) {
		String url = "jdbc:h2:mem:" + UUID.randomUUID();
		if (urlVariable != null) {
			String configured = System.getenv(urlVariable);
			url = (configured != null && !configured.isEmpty()) ? configured : defaultUrl;
		}
		requireReachable(url, user);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + url, "spring.datasource.username=" + user,
					"spring.datasource.password=", "spring.shell.interactive.enabled=false")
			.run()) {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			try {
				Upgrader upgrader = context.getBean(Upgrader.class);
				assertThat(upgrader.applied()).extracting(AppliedUpgrade::id)
					.contains("billing_2026_04_08_add_invoice_due_date", "shop_2026_04_01_index_product_names")
					.hasSize(8);
				assertThat(upgrader.pending()).isEmpty();
				jdbc.update("INSERT INTO invoices (id, product_id, amount_cents) VALUES (1, 1, 2999)");
				jdbc.update("UPDATE invoices SET due_on = CURRENT_DATE WHERE id = 1");
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoices WHERE due_on IS NOT NULL", Integer.class))
					.isOne();
			}
			finally {
				for (String table : TABLES) {
					jdbc.execute("DROP TABLE IF EXISTS " + table);
				}
			}
		}
	}

	/**
	 * Unreachable databases skip the test, unless
	 * {@code upgrader.test.databases=required} (CI), which makes them fail it.
	 */
	private static void requireReachable(String url, String user) {
		try (Connection connection = DriverManager.getConnection(url, user, "")) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			String message = url + " is not reachable: " + ex.getMessage();
			if ("required".equals(System.getProperty("upgrader.test.databases"))) {
				throw new IllegalStateException(message + " and upgrader.test.databases=required", ex);
			}
			Assumptions.abort(message);
		}
	}

}
