package dev.upgrader.integration;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Flyway and Liquibase beside Upgrader, in both phases and with the default phase: their
 * migrations run first, then the upgrades, which rely on the tables they created. Each
 * test starts from a database without any of these tables.
 */
public abstract class AbstractMigrationToolsTests {

	private static final String[] TABLES = { "it_author", "it_reader", "flyway_schema_history", "DATABASECHANGELOG",
			"DATABASECHANGELOGLOCK", "upgrader_log", "upgrader_log_lock", "upgrader_log_failure" };

	private final TestDatabase database;

	private TestDatabase.Connection connection;

	private HikariDataSource dataSource;

	protected AbstractMigrationToolsTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void freshDatabase() {
		this.connection = this.database.connection();
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(this.connection.url());
		this.dataSource.setUsername(this.connection.user());
		this.dataSource.setPassword(this.connection.password());
		TestDatabase.dropTables(this.dataSource, TABLES);
	}

	@AfterEach
	void dropTables() {
		TestDatabase.dropTables(this.dataSource, TABLES);
		this.dataSource.close();
	}

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
			assertThat(context.getBean(Flyway.class).info().applied())
				.extracting((migration) -> migration.getVersion().getVersion())
				.containsExactly("1");
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

	private SpringApplicationBuilder application(Class<?> application, String phase, String... properties) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties(this.connection.properties())
			.properties("spring.main.banner-mode=off", "upgrader.auto-run-phase=" + phase)
			.properties(properties);
	}

}
