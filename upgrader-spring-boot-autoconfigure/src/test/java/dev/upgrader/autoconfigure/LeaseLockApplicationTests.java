package dev.upgrader.autoconfigure;

import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.actuate.UpgraderEndpoint;
import dev.upgrader.actuate.UpgraderHealthIndicator;
import dev.upgrader.engine.UpgradeLock;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole application started with {@code upgrader.lock.mode=lease}: its start-up run
 * holds the lease, and the lock status that operators see (the facade, health, the
 * endpoint) names the lease's holder and expiry.
 */
class LeaseLockApplicationTests {

	private static final String HOLDER = "upgrader on ";

	@Test
	void startupRunHoldsTheLeaseAndTheLockStatusNamesItsHolderAndExpiry() {
		String table = TestDatabase.uniqueName("ulease");
		try (ConfigurableApplicationContext context = TestApplications
			.onH2(LeaseApplication.class, "upgrader.lock.mode=lease", "upgrader.lock.lease-duration=20s",
					"upgrader.table=" + table, "management.endpoints.web.exposure.include=upgrader")
			.run()) {
			Upgrader upgrader = context.getBean(Upgrader.class);
			assertThat(upgrader.applied()).extracting(AppliedUpgrade::id)
				.containsExactly("shop_2026_01_01_one", "shop_2026_01_02_two");
			@SuppressWarnings("unchecked")
			AtomicReference<String> seen = context.getBean("holderSeenDuringTheRun", AtomicReference.class);
			assertThat(seen.get()).startsWith(HOLDER + "")
				.contains(" pid " + ProcessHandle.current().pid() + " (lease ");
			assertThat(upgrader.lockHolder()).isEmpty();
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForList("SELECT token FROM " + table + "_lock", String.class))
				.containsExactly((String) null);

			try (UpgradeLock.Held held = context.getBean(UpgradeLock.class).acquire()) {
				assertThat(upgrader.lockHolder()).hasValueSatisfying(LeaseLockApplicationTests::namesLease);
				assertThat(context.getBean(UpgraderHealthIndicator.class).health(true).getDetails().get("lock"))
					.asString()
					.satisfies(LeaseLockApplicationTests::namesLease);
				assertThat(context.getBean(UpgraderEndpoint.class)
					.upgraderBeans()
					.contexts()
					.get(context.getId())
					.upgraderBeans()
					.get("upgrader")
					.lock()
					.holder()).satisfies(LeaseLockApplicationTests::namesLease);
			}
		}
	}

	/**
	 * The lease of 20 s was just taken: up to 20 s are left, as the remainder rounds up.
	 */
	private static void namesLease(String holder) {
		assertThat(holder).startsWith(HOLDER)
			.containsPattern(
					" \\(lease [0-9a-f-]{36}, taken at \\S+Z, expires at \\S+Z, in (1[0-9]|20) s by the database"
							+ " clock\\)");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class LeaseApplication {

		@Bean
		AtomicReference<String> holderSeenDuringTheRun() {
			return new AtomicReference<>();
		}

		@Bean
		Upgrade one() {
			return TestUpgrade.of("shop_2026_01_01_one");
		}

		@Bean
		Upgrade two(ObjectProvider<Upgrader> upgrader, AtomicReference<String> holderSeenDuringTheRun) {
			return TestUpgrade.of("shop_2026_01_02_two", "shop_2026_01_01_one")
				.doing((context) -> holderSeenDuringTheRun.set(upgrader.getObject().lockHolder().orElse(null)));
		}

	}

}
