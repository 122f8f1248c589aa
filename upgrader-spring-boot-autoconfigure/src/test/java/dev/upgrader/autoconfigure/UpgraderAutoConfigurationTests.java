package dev.upgrader.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.DatabaseCreatedEvent;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeEngine;
import dev.upgrader.engine.UpgradeLock;
import dev.upgrader.engine.UpgradeLog;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class UpgraderAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				UpgraderAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestDatabase.H2.connection().url(),
				"upgrader.packages=dev.upgrader.autoconfigure.none");

	@Test
	void defaultsRegisterTheEngineTheRunnerAndThePopulateListener() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(Upgrader.class)
				.hasSingleBean(UpgradeEngine.class)
				.hasSingleBean(UpgradeLog.class)
				.hasSingleBean(UpgradeLock.class)
				.hasSingleBean(UpgraderApplicationRunner.class)
				.hasSingleBean(UpgraderAutoConfiguration.UpgraderDatabaseCreatedListener.class)
				.doesNotHaveBean(UpgraderInitializer.class);
			assertThat(context.getBean(DatabaseDialect.class)).hasToString("H2");
			UpgraderProperties properties = context.getBean(UpgraderProperties.class);
			assertThat(properties.getTable()).isEqualTo("upgrader_log");
			assertThat(properties.getAutoRunPhase()).isEqualTo(UpgraderProperties.AutoRunPhase.AUTO);
			assertThat(properties.getLock().getWaitTimeout()).isEqualTo(Duration.ofMinutes(5));
		});
	}

	@Test
	void backsOffWithoutADataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UpgraderAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Upgrader.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("upgrader.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Upgrader.class)
				.doesNotHaveBean(UpgraderApplicationRunner.class));
	}

	@Test
	void autoRunOffRegistersNeitherRunnerNorInitializer() {
		this.runner.withPropertyValues("upgrader.auto-run=false")
			.run((context) -> assertThat(context).hasSingleBean(Upgrader.class)
				.doesNotHaveBean(UpgraderApplicationRunner.class)
				.doesNotHaveBean(UpgraderInitializer.class));
	}

	@Test
	void initializerPhaseRunsUpgradesWhileTheContextStarts() {
		this.runner.withPropertyValues("upgrader.auto-run-phase=initializer")
			.withBean(TestUpgrade.class, () -> TestUpgrade.of("r_2026_01_01_one"))
			.run((context) -> {
				assertThat(context).hasSingleBean(UpgraderInitializer.class)
					.doesNotHaveBean(UpgraderApplicationRunner.class);
				assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
					.containsExactly("r_2026_01_01_one");
			});
	}

	@Test
	void userBeansWin() {
		Upgrader upgrader = mock(Upgrader.class);
		UpgradeLock lock = mock(UpgradeLock.class);
		this.runner.withBean(Upgrader.class, () -> upgrader).withBean(UpgradeLock.class, () -> lock).run((context) -> {
			assertThat(context.getBean(Upgrader.class)).isSameAs(upgrader);
			assertThat(context.getBean(UpgradeLock.class)).isSameAs(lock);
			assertThat(context).doesNotHaveBean(UpgradeEngine.class);
		});
	}

	@Test
	void runnerRunsAheadOfRunnersWithTheDefaultOrder() {
		this.runner.run((context) -> {
			UpgraderApplicationRunner upgraderRunner = context.getBean(UpgraderApplicationRunner.class);
			assertThat(upgraderRunner).isInstanceOf(ApplicationRunner.class);
			assertThat(upgraderRunner.getOrder()).isEqualTo(UpgraderApplicationRunner.ORDER)
				.isLessThan(Ordered.LOWEST_PRECEDENCE)
				.isLessThan(0);
		});
	}

	@Test
	void upgradesUnderTheConfiguredPackagesAreScannedAsBeans() {
		this.runner.withPropertyValues("upgrader.packages=dev.upgrader.autoconfigure.scanned").run((context) -> {
			Upgrader upgrader = context.getBean(Upgrader.class);
			assertThat(upgrader.pending()).extracting(PendingUpgrade::id)
				.containsExactly("scan_2026_01_01_create_items", "scan_2026_01_02_fill_items");
			upgrader.run(dev.upgrader.RunOptions.unattended());
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT COUNT(*) FROM scanned_items", Integer.class)).isEqualTo(1);
		});
	}

	@Test
	void upgradeAlsoDeclaredAsABeanIsNotRegisteredTwice() {
		this.runner.withPropertyValues("upgrader.packages=dev.upgrader.autoconfigure.scanned")
			.withUserConfiguration(DeclaredUpgradeConfiguration.class)
			.run((context) -> assertThat(context.getBean(Upgrader.class).pending()).hasSize(2));
	}

	@Test
	void tableNameThatIsNotAPlainIdentifierFailsStartupNamingTheValue() {
		this.runner.withPropertyValues("upgrader.table=upgrader-log")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("Invalid upgrader.table 'upgrader-log'"));
	}

	@Test
	void databaseCreatedEventPopulatesTheLog() {
		this.runner.withBean(TestUpgrade.class, () -> TestUpgrade.of("r_2026_01_01_one")).run((context) -> {
			context.publishEvent(new DatabaseCreatedEvent(this));
			List<AppliedUpgrade> applied = context.getBean(Upgrader.class).applied();
			assertThat(applied).extracting(AppliedUpgrade::id, AppliedUpgrade::kind)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("r_2026_01_01_one", AppliedUpgrade.Kind.POPULATE));
		});
	}

	@Test
	void populateOnDatabaseCreatedCanBeSwitchedOff() {
		this.runner.withPropertyValues("upgrader.populate-on-database-created=false")
			.run((context) -> assertThat(context)
				.doesNotHaveBean(UpgraderAutoConfiguration.UpgraderDatabaseCreatedListener.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class DeclaredUpgradeConfiguration {

		@Bean
		dev.upgrader.autoconfigure.scanned.scan_2026_01_02_fill_items declaredFillItems() {
			return new dev.upgrader.autoconfigure.scanned.scan_2026_01_02_fill_items();
		}

	}

}
