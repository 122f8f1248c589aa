package dev.upgrader.autoconfigure.replaced;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.autoconfigure.UpgraderApplicationRunner;
import dev.upgrader.autoconfigure.UpgraderInitializer;
import dev.upgrader.autoconfigure.UpgraderProperties.OnFailure;
import dev.upgrader.autoconfigure.UpgraderReadinessGuard;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's runner or initializer replaces the auto-configured one, as the guide promises.
 * Written outside the auto-configuration's package, as a user's code is, so it can only
 * use what is public.
 */
class UserRunnerAndInitializerTests {

	@Test
	void userRunnerReplacesOursAndRunsTheUpgradesOnce() {
		try (ConfigurableApplicationContext context = TestApplications.onH2(UserRunnerApplication.class).run()) {
			assertThat(context.getBeansOfType(UpgraderApplicationRunner.class)).containsOnlyKeys("userRunner");
			assertThat(context.getBean(CountingRunner.class).pendingAtEachRun).containsExactly(1);
			assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
				.containsExactly("app_2026_01_01_first");
			assertThat(context.getBean(UpgradeCount.class).runs).hasValue(1);
		}
	}

	@Test
	void userRunnerStartsWhenTheDefaultPhaseChoosesTheInitializerWhichRunsTheUpgradesFirst() {
		try (ConfigurableApplicationContext context = TestApplications
			.onH2(UserRunnerBesideDatabaseDependentApplication.class)
			.run()) {
			assertThat(context.getBeansOfType(UpgraderInitializer.class)).containsOnlyKeys("upgraderInitializer");
			assertThat(context.getBeansOfType(UpgraderApplicationRunner.class)).containsOnlyKeys("userRunner");
			assertThat(context.getBean(CountingRunner.class).pendingAtEachRun).containsExactly(0);
			assertThat(context.getBean(UpgradeCount.class).runs).hasValue(1);
		}
	}

	@Test
	void userInitializerReplacesOursRunsTheUpgradesOnceAndIsADatabaseInitializer() {
		try (ConfigurableApplicationContext context = TestApplications
			.onH2(UserInitializerApplication.class, "upgrader.auto-run-phase=initializer")
			.run()) {
			assertThat(context.getBeansOfType(UpgraderInitializer.class)).containsOnlyKeys("userInitializer");
			assertThat(context.getBeansOfType(UpgraderApplicationRunner.class)).isEmpty();
			assertThat(context.getBean(CountingInitializer.class).pendingAtEachRun).containsExactly(1);
			assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
				.containsExactly("app_2026_01_01_first");
			assertThat(context.getBean(UpgradeCount.class).runs).hasValue(1);
			assertThat(context.getBeanFactory()
				.getBeanDefinition("userInitializer")
				.getAttribute(DatabaseInitializerDetector.class.getName()))
				.isEqualTo("dev.upgrader.autoconfigure.UpgraderDatabaseInitializerDetector");
			// Upgrades take the JdbcTemplate: it must not wait for them.
			assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
				.doesNotContain("userInitializer");
		}
	}

	/** How often the application's one upgrade ran. */
	static class UpgradeCount {

		final AtomicInteger runs = new AtomicInteger();

	}

	static class CountingRunner extends UpgraderApplicationRunner {

		private final Upgrader upgrader;

		final List<Integer> pendingAtEachRun = new ArrayList<>();

		CountingRunner(Upgrader upgrader, UpgraderReadinessGuard readiness) {
			super(upgrader, readiness, OnFailure.STOP);
			this.upgrader = upgrader;
		}

		@Override
		public void run(ApplicationArguments args) {
			this.pendingAtEachRun.add(this.upgrader.pending().size());
			super.run(args);
		}

	}

	static class CountingInitializer extends UpgraderInitializer {

		private final Upgrader upgrader;

		final List<Integer> pendingAtEachRun = new ArrayList<>();

		CountingInitializer(Upgrader upgrader) {
			super(upgrader);
			this.upgrader = upgrader;
		}

		@Override
		public void afterPropertiesSet() {
			this.pendingAtEachRun.add(this.upgrader.pending().size());
			super.afterPropertiesSet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class OneUpgradeApplication {

		@Bean
		UpgradeCount upgradeCount() {
			return new UpgradeCount();
		}

		@Bean
		Upgrade first(UpgradeCount count) {
			return TestUpgrade.of("app_2026_01_01_first").doing((context) -> count.runs.incrementAndGet());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class UserRunnerApplication extends OneUpgradeApplication {

		@Bean
		CountingRunner userRunner(Upgrader upgrader, UpgraderReadinessGuard readiness) {
			return new CountingRunner(upgrader, readiness);
		}

	}

	/**
	 * Needs the upgraded schema while it is created, as JPA's EntityManagerFactory does.
	 */
	static class SchemaReader {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class UserRunnerBesideDatabaseDependentApplication extends UserRunnerApplication {

		@Bean
		@DependsOnDatabaseInitialization
		SchemaReader schemaReader() {
			return new SchemaReader();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class UserInitializerApplication extends OneUpgradeApplication {

		@Bean
		CountingInitializer userInitializer(Upgrader upgrader) {
			return new CountingInitializer(upgrader);
		}

	}

}
