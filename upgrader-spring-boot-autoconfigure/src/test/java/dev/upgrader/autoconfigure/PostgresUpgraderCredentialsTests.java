package dev.upgrader.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code upgrader.url}, {@code upgrader.user} and {@code upgrader.password} on
 * PostgreSQL: the application connects as a role that may only read a schema; the
 * upgrades connect as the role that owns it.
 */
class PostgresUpgraderCredentialsTests {

	private final String suffix = TestDatabase.uniqueName("c").substring(2);

	private final String schema = "upg_schema_" + this.suffix;

	private final String applicationRole = "upg_app_" + this.suffix;

	private final String ownerRole = "upg_owner_" + this.suffix;

	private HikariDataSource admin;

	private String url;

	@BeforeEach
	void createTheRolesAndTheSchema() {
		this.admin = TestDatabase.POSTGRESQL.dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(this.admin);
		jdbc.execute("CREATE ROLE " + this.applicationRole + " LOGIN PASSWORD 'app-secret'");
		jdbc.execute("CREATE ROLE " + this.ownerRole + " LOGIN PASSWORD 'owner-secret'");
		jdbc.execute("CREATE SCHEMA " + this.schema + " AUTHORIZATION " + this.ownerRole);
		jdbc.execute("GRANT USAGE ON SCHEMA " + this.schema + " TO " + this.applicationRole);
		jdbc.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + this.ownerRole + " IN SCHEMA " + this.schema
				+ " GRANT SELECT ON TABLES TO " + this.applicationRole);
		String base = TestDatabase.POSTGRESQL.connection().url();
		this.url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + this.schema;
	}

	@AfterEach
	void dropTheRolesAndTheSchema() {
		JdbcTemplate jdbc = new JdbcTemplate(this.admin);
		jdbc.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
		jdbc.execute("DROP OWNED BY " + this.applicationRole + ", " + this.ownerRole);
		jdbc.execute("DROP ROLE IF EXISTS " + this.applicationRole);
		jdbc.execute("DROP ROLE IF EXISTS " + this.ownerRole);
		this.admin.close();
	}

	@Test
	void upgradesRunAsTheUserOfUpgraderUrl() {
		try (ConfigurableApplicationContext context = application("upgrader.url=" + this.url,
				"upgrader.user=" + this.ownerRole, "upgrader.password=owner-secret")
			.run()) {
			assertUpgradedByTheOwner(context);
		}
	}

	@Test
	void upgraderUserAndPasswordAloneTakeTheUrlFromTheApplicationsDataSource() {
		try (ConfigurableApplicationContext context = application("upgrader.user=" + this.ownerRole,
				"upgrader.password=owner-secret")
			.run()) {
			assertUpgradedByTheOwner(context);
		}
	}

	@Test
	void withoutTheUpgradersCredentialsTheApplicationsRoleCannotUpgrade() {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> application().run())
			.withStackTraceContaining("permission denied for schema " + this.schema);
	}

	private SpringApplicationBuilder application(String... properties) {
		return new SpringApplicationBuilder(OwnerUpgrades.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "upgrader.packages=dev.upgrader.autoconfigure.none",
					TestApplications.WITHOUT_SHELL, "spring.datasource.url=" + this.url,
					"spring.datasource.username=" + this.applicationRole, "spring.datasource.password=app-secret")
			.properties(properties);
	}

	private void assertUpgradedByTheOwner(ConfigurableApplicationContext context) {
		assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
			.containsExactly("app_2026_01_01_create_items");
		JdbcTemplate admin = new JdbcTemplate(this.admin);
		assertThat(admin.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ? AND tableowner = ?",
				String.class, this.schema, this.ownerRole))
			.contains("items", "upgrader_log");
		JdbcTemplate application = context.getBean(JdbcTemplate.class);
		assertThat(application.queryForObject("SELECT current_user", String.class)).isEqualTo(this.applicationRole);
		assertThat(application.queryForObject("SELECT COUNT(*) FROM items", Integer.class)).isZero();
		assertThatExceptionOfType(BadSqlGrammarException.class)
			.isThrownBy(() -> application.execute("CREATE TABLE not_allowed (id INT)"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class OwnerUpgrades {

		@Bean
		Upgrade createItems() {
			return TestUpgrade.of("app_2026_01_01_create_items")
				.doing((upgrade) -> upgrade.jdbc().execute("CREATE TABLE items (id INT PRIMARY KEY)"));
		}

	}

}
