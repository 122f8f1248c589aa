package dev.upgrader.tenants;

import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.UpgradeTarget;
import dev.upgrader.UpgradeTargets;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderTenants;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole application whose tenants come from its own {@link UpgradeTargets} bean: two H2
 * databases and one PostgreSQL database, each upgraded in its default schema with its own
 * log.
 */
class UpgradeTargetsApplicationTests {

	private static final String TABLE = TestDatabase.uniqueName("ulog");

	private static HikariDataSource first;

	private static HikariDataSource second;

	private static HikariDataSource postgres;

	@BeforeEach
	void prepare() {
		first = TestDatabase.H2.dataSource();
		second = TestDatabase.H2.dataSource();
		postgres = TestDatabase.POSTGRESQL.dataSource();
	}

	@AfterEach
	void cleanUp() {
		new JdbcTemplate(postgres).execute("DROP TABLE IF EXISTS notes");
		TestDatabase.dropLogTables(postgres, TABLE);
		first.close();
		second.close();
		postgres.close();
	}

	@Test
	void everyTargetIsUpgradedOnItsOwnDatabaseAndKnowsItsTenant() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TargetsApplication.class)
			.web(WebApplicationType.NONE)
			.properties(TestDatabase.H2.connection().properties())
			.properties("spring.main.banner-mode=off", "upgrader.packages=dev.upgrader.tenants.none",
					TestApplications.PLAIN_JDBC, "upgrader.table=" + TABLE)
			.run()) {
			UpgraderTenants tenants = context.getBean(UpgraderTenants.class);
			assertThat(tenants.names()).containsExactly("alpha", "beta", "gamma");
			assertThat(tenants.lastRun()).hasValueSatisfying((run) -> assertThat(run.appliedCount()).isEqualTo(6));
			assertThat(context.getBean(Upgrader.class).pending()).as("the application's own DataSource is not a tenant")
				.hasSize(2);
		}
		assertThat(notes(first)).containsExactly("alpha");
		assertThat(notes(second)).containsExactly("beta");
		assertThat(notes(postgres)).containsExactly("gamma");
		for (DataSource dataSource : List.of(first, second, postgres)) {
			assertThat(new JdbcTemplate(dataSource).queryForList("SELECT upgrade FROM " + TABLE, String.class))
				.containsExactlyInAnyOrder(TenantApplications.FIRST, TenantApplications.SECOND);
		}
	}

	private static List<String> notes(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList("SELECT tenant FROM notes", String.class);
	}

	@Configuration(proxyBeanMethods = false)
	@Import(TenantApplications.class)
	static class TargetsApplication {

		@Bean
		UpgradeTargets tenantRegistry() {
			return () -> List.of(UpgradeTarget.of("alpha", first), UpgradeTarget.of("beta", second),
					UpgradeTarget.of("gamma", postgres));
		}

	}

}
