package dev.upgrader.integration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.integration.flyway.FlywayApplication;
import dev.upgrader.integration.liquibase.LiquibaseApplication;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway and Liquibase beside Upgrader, in both phases: their migrations run first, then
 * the upgrades, which rely on the tables they created.
 */
class MigrationToolsTests {

	@ParameterizedTest
	@ValueSource(strings = { "auto", "initializer", "runner" })
	void flywayMigratesBeforeTheUpgradesRun(String phase) {
		try (ConfigurableApplicationContext context = application(FlywayApplication.class, phase,
				"spring.flyway.locations=classpath:db/flyway-it", "spring.liquibase.enabled=false")
			.run()) {
			assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
				.containsExactly("fly_2026_01_01_seed_authors");
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("SELECT name FROM it_author", String.class)).containsExactly("Le Guin");
			assertThat(jdbc.queryForObject(
					"SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\"",
					Integer.class))
				.isOne();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "auto", "initializer", "runner" })
	void liquibaseUpdatesBeforeTheUpgradesRun(String phase) {
		try (ConfigurableApplicationContext context = application(LiquibaseApplication.class, phase,
				"spring.liquibase.change-log=classpath:db/liquibase-it/changelog.sql", "spring.flyway.enabled=false")
			.run()) {
			assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
				.containsExactly("liq_2026_01_01_seed_readers");
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("SELECT name FROM it_reader", String.class)).containsExactly("Ada");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class)).isOne();
		}
	}

	private static SpringApplicationBuilder application(Class<?> application, String phase, String... properties) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties(TestDatabase.H2.connection().properties())
			.properties("spring.main.banner-mode=off", "upgrader.auto-run-phase=" + phase)
			.properties(properties);
	}

}
