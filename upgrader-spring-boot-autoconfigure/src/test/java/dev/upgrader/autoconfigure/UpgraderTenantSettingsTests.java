package dev.upgrader.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.TenantListener;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderTenants;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants' engines get the same {@code upgrader.*} settings as the application's own:
 * here the baseline and the lock mode, on H2 schemas.
 */
class UpgraderTenantSettingsTests {

	private static final String FIRST = "saas_2026_01_01_create_notes";

	private static final String SECOND = "saas_2026_01_02_add_note";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, UpgraderAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "upgrader.auto-run=false",
				"upgrader.packages=dev.upgrader.autoconfigure.none", "upgrader.tenants.schemas=acme,globex")
		.withBean("createNotes", Upgrade.class,
				() -> TestUpgrade.of(FIRST).doing((context) -> context.jdbc().execute("CREATE TABLE notes (n INT)")))
		.withBean("addNote", Upgrade.class, () -> TestUpgrade.of(SECOND, FIRST)
			.doing((context) -> context.jdbc().update("INSERT INTO notes (n) VALUES (1)")));

	@Test
	void everyTenantStartsFromTheBaseline() {
		this.contextRunner.withPropertyValues("upgrader.baseline=" + FIRST).run((context) -> {
			UpgraderTenants tenants = context.getBean(UpgraderTenants.class);
			for (String tenant : tenants.names()) {
				assertThat(tenants.tenant(tenant).pending()).extracting(PendingUpgrade::id).containsExactly(SECOND);
			}
		});
	}

	@Test
	void leaseModeGivesEveryTenantALeaseTableInItsSchema() {
		this.contextRunner.withPropertyValues("upgrader.lock.mode=lease").run((context) -> {
			UpgraderTenants tenants = context.getBean(UpgraderTenants.class);
			tenants.runAll(RunOptions.unattended(), new TenantListener() {
			});
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(leaseTables(jdbc)).containsExactly("ACME", "GLOBEX");
		});
	}

	/**
	 * The schemas holding a lease lock's table: its rows have a token, a row lock's none.
	 */
	private static List<String> leaseTables(JdbcTemplate jdbc) {
		return jdbc.queryForList(
				"SELECT table_schema FROM information_schema.columns"
						+ " WHERE table_name = 'UPGRADER_LOG_LOCK' AND column_name = 'TOKEN' ORDER BY table_schema",
				String.class);
	}

	@Test
	void theSessionLockIsTheDefault() {
		this.contextRunner.run((context) -> {
			context.getBean(UpgraderTenants.class).runAll(RunOptions.unattended(), new TenantListener() {
			});
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(leaseTables(jdbc)).isEmpty();
		});
	}

}
