package dev.upgrader.shell;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.upgrader.Upgrade;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenants' commands on H2 schemas: {@code show tenants}, {@code run --all-tenants}
 * and {@code --tenant NAME} on the single-tenant commands.
 */
class UpgraderTenantCommandsTests {

	private static final String FIRST = "saas_2026_01_01_create_notes";

	private static final String SECOND = "saas_2026_01_02_add_note";

	private final AtomicBoolean failInBeta = new AtomicBoolean();

	private Upgrade[] upgrades() {
		return new Upgrade[] {
				TestUpgrade.of(FIRST)
					.doing((context) -> context.jdbc().execute("CREATE TABLE notes (tenant VARCHAR(100) NOT NULL)")),
				TestUpgrade.of(SECOND, FIRST).doing((context) -> {
					if (this.failInBeta.get() && "BETA".equals(context.tenant())) {
						throw new IllegalStateException("boom in beta");
					}
					context.jdbc().update("INSERT INTO notes (tenant) VALUES (?)", context.tenant());
				}) };
	}

	@Test
	void showTenantsListsEveryTenantWithItsCounts() {
		ShellFixture.runner(upgrades()).withPropertyValues("upgrader.tenants.schemas=ALPHA,BETA").run((context) -> {
			ShellFixture.execute(context, "upgrader run --tenant ALPHA --yes-i-know");
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader show tenants");
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.output()).containsPattern("ALPHA\\s+2\\s+0\\s+0\\s+free")
				.containsPattern("BETA\\s+0\\s+2\\s+0\\s+free")
				.contains("2 tenant(s): 1 up to date, 1 with pending upgrades, 0 failed.");
		});
	}

	@Test
	void runAllTenantsShowsOneProgressDisplayAndTheSummary() {
		ShellFixture.runner(upgrades())
			.withPropertyValues("upgrader.tenants.schemas=ALPHA,BETA,GAMMA", "upgrader.tenants.parallelism=2")
			.run((context) -> {
				ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader run --all-tenants --yes-i-know");
				assertThat(outcome.failure()).isNull();
				assertThat(outcome.output()).contains("3 of 3 tenant(s) have pending upgrades (6 upgrade(s) in all).")
					.contains("Upgrading 3 tenant(s), 2 at once.")
					.containsPattern("\\[#{20}\\] 3/3 \\w+: 2 upgrade\\(s\\) in .* - elapsed .*, ETA 0 ms")
					.contains("Upgraded 3 of 3 tenant(s) in ")
					.contains(": 6 upgrade(s) applied.");
				assertThat(ShellFixture.execute(context, "upgrader run --all-tenants --yes-i-know").output())
					.contains("All 3 tenant(s) are up to date.");
			});
	}

	@Test
	void runAllTenantsNamesTheFailedTenantAndFails() {
		this.failInBeta.set(true);
		ShellFixture.runner(upgrades()).withPropertyValues("upgrader.tenants.schemas=ALPHA,BETA").run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader run --all-tenants --yes-i-know");
			assertThat(outcome.failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessage("1 tenant(s) failed: BETA. The next run retries them.");
			assertThat(outcome.output()).contains("BETA: FAILED: ").contains(" (-) BETA: ").contains("boom in beta");
			assertThat(ShellFixture.execute(context, "upgrader show tenants").output())
				.containsPattern("BETA\\s+1\\s+1\\s+1\\s+free")
				.contains("2 tenant(s): 1 up to date, 0 with pending upgrades, 1 failed.");
		});
	}

	@Test
	void singleTenantCommandsTakeTheTenantOption() {
		ShellFixture.runner(upgrades()).withPropertyValues("upgrader.tenants.schemas=ALPHA,BETA").run((context) -> {
			assertThat(ShellFixture.execute(context, "upgrader run --tenant BETA --yes-i-know").output())
				.contains("Upgrade completed successfully: 2 upgrade(s) applied");
			assertThat(ShellFixture.execute(context, "upgrader show applied --tenant BETA").output()).contains(FIRST)
				.contains(SECOND);
			assertThat(ShellFixture.execute(context, "upgrader show pending --tenant ALPHA").output()).contains(FIRST)
				.contains(SECOND);
			assertThat(ShellFixture.execute(context, "upgrader show pending").output())
				.as("the application's own database")
				.contains(FIRST);
			assertThat(ShellFixture.execute(context, "upgrader lock status --tenant ALPHA").output())
				.contains("The upgrade lock is free.");
			assertThat(ShellFixture.execute(context, "upgrader populate --tenant ALPHA --yes-i-know").output())
				.contains("Recorded 2 upgrade(s) as applied");
			assertThat(ShellFixture.execute(context, "upgrader show pending --tenant nobody").failure())
				.hasMessage("Unknown tenant 'nobody'; the tenants are [ALPHA, BETA]");
		});
	}

	@Test
	void adoptionCommandsTakeTheTenantOption() {
		TestUpgrade first = TestUpgrade.of(FIRST).withChecksum("c1");
		ShellFixture.runner(first, TestUpgrade.of(SECOND, FIRST))
			.withPropertyValues("upgrader.tenants.schemas=ALPHA,BETA")
			.run((context) -> {
				assertThat(ShellFixture.execute(context, "upgrader baseline " + FIRST + " --tenant ALPHA --yes-i-know")
					.output()).contains("Baseline at " + FIRST + ": recorded 1 upgrade(s)");
				assertThat(ShellFixture.execute(context, "upgrader show pending --tenant ALPHA").output())
					.doesNotContain(FIRST)
					.contains(SECOND);
				assertThat(ShellFixture.execute(context, "upgrader show pending --tenant BETA").output())
					.contains(FIRST);

				first.withChecksum("c2");
				assertThat(ShellFixture
					.execute(context, "upgrader accept-change " + FIRST + " --tenant ALPHA --yes-i-know")
					.output()).contains("Accepted the change to " + FIRST);
				assertThat(
						ShellFixture.execute(context, "upgrader accept-change " + FIRST + " --tenant BETA --yes-i-know")
							.failure())
					.hasMessageContaining("it is not in the log");

				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				jdbc.execute("CREATE TABLE ALPHA.flyway_schema_history (installed_rank INT NOT NULL,"
						+ " version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,"
						+ " script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL,"
						+ " installed_on TIMESTAMP NOT NULL, execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
				jdbc.update("INSERT INTO ALPHA.flyway_schema_history VALUES (1, '1', 'init', 'SQL', 'V1__init.sql',"
						+ " 1, 'sa', TIMESTAMP '2025-12-01 10:00:00', 5, TRUE)");
				assertThat(ShellFixture.execute(context, "upgrader import flyway --tenant ALPHA --yes-i-know").output())
					.contains("Imported 1 Flyway migration(s)")
					.contains("flyway_2025_12_01_v1_init");
				assertThat(ShellFixture.execute(context, "upgrader import flyway --yes-i-know").failure())
					.as("the application's own database has no Flyway history")
					.hasMessageContaining("No Flyway history table");
			});
	}

	@Test
	void tenantCommandsWithoutTenantsSaySo() {
		ShellFixture.runner(upgrades()).run((context) -> {
			assertThat(ShellFixture.execute(context, "upgrader show tenants").failure())
				.hasMessageStartingWith("This application has no tenants");
			assertThat(ShellFixture.execute(context, "upgrader show applied --tenant x").failure())
				.hasMessageStartingWith("This application has no tenants");
		});
	}

}
