package dev.upgrader.tenants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.TenantRun;
import dev.upgrader.UpgraderException;
import dev.upgrader.UpgraderTenants;
import dev.upgrader.actuate.UpgraderTenantsEndpoint;
import dev.upgrader.actuate.UpgraderTenantsHealthIndicator;
import dev.upgrader.metrics.UpgraderTenantMetrics;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Whole applications with {@code upgrader.tenants.schemas} on PostgreSQL: every tenant
 * upgraded at start-up, a failed tenant isolated and retried alone at the next start.
 */
class TenantSchemasApplicationTests {

	private final List<String> schemas = new ArrayList<>();

	private final String table = TestDatabase.uniqueName("ulog");

	private HikariDataSource dataSource;

	private JdbcTemplate jdbc;

	@BeforeEach
	void prepare() {
		this.dataSource = TestDatabase.POSTGRESQL.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
		for (int i = 0; i < 5; i++) {
			this.schemas.add(TestDatabase.uniqueName("uten"));
		}
		TenantApplications.FAIL.set(false);
	}

	@AfterEach
	void cleanUp() {
		TenantApplications.FAIL.set(false);
		TestDatabase.POSTGRESQL.dropSchemas(this.dataSource, this.schemas);
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	private SpringApplicationBuilder application(String... properties) {
		return new SpringApplicationBuilder(TenantApplications.class).web(WebApplicationType.NONE)
			.properties(TestDatabase.POSTGRESQL.connection().properties())
			.properties("spring.main.banner-mode=off", "upgrader.packages=dev.upgrader.tenants.none",
					TestApplications.PLAIN_JDBC, "upgrader.table=" + this.table,
					"upgrader.tenants.schemas=" + String.join(",", this.schemas))
			.properties(properties);
	}

	private List<String> notesOf(String schema) {
		return this.jdbc.queryForList("SELECT tenant FROM " + schema + ".notes", String.class);
	}

	private List<String> logOf(String schema) {
		return this.jdbc.queryForList("SELECT upgrade FROM " + schema + "." + this.table + " ORDER BY upgrade",
				String.class);
	}

	@Test
	void everyTenantSchemaIsUpgradedAtStartupAndTheDefaultSchemaIsLeftAlone() {
		try (ConfigurableApplicationContext context = application().run()) {
			UpgraderTenants tenants = context.getBean(UpgraderTenants.class);
			assertThat(tenants.names()).containsExactlyElementsOf(this.schemas);
			assertThat(tenants.lastRun()).hasValueSatisfying((run) -> {
				assertThat(run.failed()).isEmpty();
				assertThat(run.appliedCount()).isEqualTo(10);
			});
		}
		for (String schema : this.schemas) {
			assertThat(logOf(schema)).containsExactly(TenantApplications.FIRST, TenantApplications.SECOND);
			assertThat(notesOf(schema)).containsExactly(schema);
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()",
				Integer.class, this.table))
			.as("log table in the default schema")
			.isZero();
	}

	@Test
	void tenantSchemasBuiltAheadStartFromTheBaselineOfUpgraderBaseline() {
		for (String schema : this.schemas) {
			this.jdbc.execute("CREATE SCHEMA " + schema);
			this.jdbc.execute("CREATE TABLE " + schema + ".notes (tenant VARCHAR(100) NOT NULL)");
		}
		try (ConfigurableApplicationContext context = application("upgrader.baseline=" + TenantApplications.FIRST)
			.run()) {
			assertThat(context.getBean(UpgraderTenants.class).lastRun())
				.hasValueSatisfying((run) -> assertThat(run.failed()).isEmpty());
		}
		for (String schema : this.schemas) {
			assertThat(this.jdbc.queryForList("SELECT kind FROM " + schema + "." + this.table + " ORDER BY upgrade",
					String.class))
				.containsExactly("baseline", "run");
			assertThat(notesOf(schema)).containsExactly(schema);
		}
	}

	@Test
	void aFailedTenantLetsTheApplicationStartAndIsRetriedAloneAtTheNextStart() {
		String failing = this.schemas.get(2);
		TenantApplications.FAIL.set(true);
		try (ConfigurableApplicationContext context = application("tenants.fail-on=" + failing).run()) {
			assertThat(context.getBean(UpgraderTenants.class).lastRun()).hasValueSatisfying((run) -> {
				assertThat(run.failed()).extracting(TenantRun::tenant).containsExactly(failing);
				assertThat(run.appliedCount()).isEqualTo(8);
			});
		}
		assertThat(logOf(failing)).containsExactly(TenantApplications.FIRST);

		TenantApplications.FAIL.set(false);
		try (ConfigurableApplicationContext context = application("tenants.fail-on=" + failing).run()) {
			assertThat(context.getBean(UpgraderTenants.class).lastRun()).hasValueSatisfying((run) -> {
				assertThat(run.failed()).isEmpty();
				assertThat(run.tenants()).filteredOn((tenant) -> tenant.appliedCount() > 0)
					.extracting(TenantRun::tenant)
					.containsExactly(failing);
			});
		}
		assertThat(notesOf(failing)).containsExactly(failing);
	}

	@Test
	void aFailedTenantIsNamedByHealthEndpointAndMetersWhichAreTaggedByTenantOnlyWhenAsked() {
		String failing = this.schemas.get(1);
		TenantApplications.FAIL.set(true);
		try (ConfigurableApplicationContext context = application("tenants.fail-on=" + failing,
				"management.endpoints.web.exposure.include=*")
			.sources(MeterRegistryConfiguration.class)
			.run()) {
			Health health = context.getBean(UpgraderTenantsHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("tenants", 5)
				.containsEntry("failedTenants", Map.of(failing, "Upgrade " + TenantApplications.SECOND
						+ " failed: boom in " + failing
						+ ". Its changes in the run's transaction were rolled back; what it committed on a connection of its own stays. 1 upgrade(s) applied before it stay recorded."));
			UpgraderTenantsEndpoint.TenantsDescriptor summary = context.getBean(UpgraderTenantsEndpoint.class)
				.tenants();
			assertThat(summary.count()).isEqualTo(5);
			assertThat(summary.upToDate()).isEqualTo(4);
			assertThat(summary.failedTenants()).containsExactly(failing);
			assertThat(summary.tenants()).filteredOn((tenant) -> tenant.name().equals(failing))
				.singleElement()
				.satisfies((tenant) -> assertThat(tenant.failed()).isOne());
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(UpgraderTenantMetrics.TENANT_DURATION).tag("outcome", "success").timer().count())
				.isEqualTo(4);
			assertThat(registry.get(UpgraderTenantMetrics.TENANT_DURATION).timers()).allSatisfy(
					(timer) -> assertThat(timer.getId().getTag("tenant")).as("tenant tag off by default").isNull());
			assertThat(registry.get(UpgraderTenantMetrics.FAILED_TENANTS).gauge().value()).isOne();
		}
		TenantApplications.FAIL.set(false);
		try (ConfigurableApplicationContext context = application("upgrader.metrics.tenant-tag=true")
			.sources(MeterRegistryConfiguration.class)
			.run()) {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(UpgraderTenantMetrics.TENANT_DURATION).tag("tenant", failing).timer().count())
				.isOne();
			assertThat(context.getBean(UpgraderTenantsHealthIndicator.class).health(true).getStatus())
				.isEqualTo(Status.UP);
		}
	}

	@Test
	void stopPolicyFailsTheStartNamingTheTenant() {
		String failing = this.schemas.get(0);
		TenantApplications.FAIL.set(true);
		assertThatExceptionOfType(UpgraderException.class)
			.isThrownBy(() -> application("tenants.fail-on=" + failing, "upgrader.tenants.on-failure=stop",
					"upgrader.tenants.parallelism=1")
				.run())
			.withMessageContaining("1 failed (" + failing + "), 4 skipped (upgrader.tenants.on-failure=stop)")
			.withMessageContaining("boom in " + failing);
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
