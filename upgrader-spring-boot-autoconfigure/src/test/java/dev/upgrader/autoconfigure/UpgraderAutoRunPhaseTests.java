package dev.upgrader.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.Upgrader;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phase of the start-up run, the settings it refuses, the one-shot mode's beans and
 * the transaction manager the upgrades run in.
 */
class UpgraderAutoRunPhaseTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				UpgraderAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestDatabase.H2.connection().url(),
				"upgrader.packages=dev.upgrader.autoconfigure.none");

	@Test
	void autoIsTheRunnerPhaseWhenOnlyJdbcTemplatesUseTheDatabase() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(JdbcTemplate.class)
			.hasSingleBean(UpgraderApplicationRunner.class)
			.hasSingleBean(UpgraderReadinessGuard.class)
			.doesNotHaveBean(UpgraderInitializer.class));
	}

	@Test
	void autoIsTheInitializerPhaseWhenABeanDependsOnDatabaseInitializationAndThatBeanSeesTheUpgradedSchema() {
		this.runner.withUserConfiguration(DependentConfiguration.class)
			.withBean(TestUpgrade.class, () -> TestUpgrade.of("phase_2026_01_01_create_items")
				.doing((upgrade) -> upgrade.jdbc()
					.execute("CREATE TABLE phase_items (id INT PRIMARY KEY); INSERT INTO phase_items VALUES (1)")))
			.run((context) -> {
				assertThat(context).hasSingleBean(UpgraderInitializer.class)
					.doesNotHaveBean(UpgraderApplicationRunner.class)
					.doesNotHaveBean(UpgraderReadinessGuard.class);
				assertThat(context.getBean(ItemCount.class).value()).isOne();
			});
	}

	@Test
	void explicitRunnerPhaseKeepsTheRunnerBesideBeansThatDependOnDatabaseInitialization() {
		this.runner.withUserConfiguration(LenientDependentConfiguration.class)
			.withPropertyValues("upgrader.auto-run-phase=runner")
			.run((context) -> assertThat(context).hasSingleBean(UpgraderApplicationRunner.class)
				.doesNotHaveBean(UpgraderInitializer.class));
	}

	@Test
	void upgradesTakingTheApplicationsJdbcTemplateRunInTheInitializerPhase() {
		this.runner
			.withPropertyValues("upgrader.packages=dev.upgrader.autoconfigure.scanned",
					"upgrader.auto-run-phase=initializer")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(UpgraderInitializer.class);
				assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
					.containsExactly("scan_2026_01_01_create_items", "scan_2026_01_02_fill_items");
				assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
					.doesNotContain("upgraderInitializer");
			});
	}

	@Test
	void refuseTrafficInTheInitializerPhaseFailsTheStartSayingWhy() {
		this.runner.withPropertyValues("upgrader.auto-run-phase=initializer", "upgrader.on-failure=refuse-traffic")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("upgrader.on-failure")
				.hasMessageContaining("It applies only to the runner phase")
				.hasMessageContaining("(upgrader.auto-run-phase=initializer)"));
	}

	@Test
	void refuseTrafficWhereAutoChoseTheInitializerPhaseNamesTheBeansThatChoseIt() {
		this.runner.withUserConfiguration(LenientDependentConfiguration.class)
			.withPropertyValues("upgrader.on-failure=refuse-traffic")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("upgrader.auto-run-phase=auto chose it because beans [itemCount]"));
	}

	@Test
	void refuseTrafficInTheOneShotModeFailsTheStart() {
		this.runner.withPropertyValues("upgrader.mode=run-and-exit", "upgrader.on-failure=refuse-traffic")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("With upgrader.mode=run-and-exit a failed run exits with a non-zero status"));
	}

	@Test
	void refuseTrafficInTheRunnerPhaseIsAccepted() {
		this.runner.withPropertyValues("upgrader.on-failure=refuse-traffic")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(UpgraderApplicationRunner.class));
	}

	@Test
	void oneShotModeReplacesTheRunnerAndRunsEvenWithAutoRunOff() {
		this.runner.withPropertyValues("upgrader.mode=run-and-exit", "upgrader.auto-run=false")
			.run((context) -> assertThat(context).hasSingleBean(RunAndExitRunner.class)
				.doesNotHaveBean(UpgraderApplicationRunner.class)
				.doesNotHaveBean(UpgraderReadinessGuard.class)
				.doesNotHaveBean(UpgraderInitializer.class));
	}

	@Test
	void upgradesRunInTheApplicationsTransactionManagerOnceTheContextHasStarted() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class))
			.withUserConfiguration(CountingTransactionManagerConfiguration.class)
			.withPropertyValues("upgrader.auto-run-phase=initializer")
			.withBean(TestUpgrade.class, () -> TestUpgrade.of("tx_2026_01_01_first"))
			.run((context) -> {
				CountingTransactionManager manager = context.getBean(CountingTransactionManager.class);
				assertThat(context.getBean(Upgrader.class).applied()).hasSize(1);
				assertThat(manager.begun).as("the initializer phase's run uses Upgrader's own").hasValue(0);
				context.getBean(Upgrader.class).check();
				assertThat(manager.begun).hasPositiveValue();
			});
	}

	@Test
	void applicationTransactionManagerOfAnotherDataSourceIsNotUsed() {
		this.runner
			.withBean("otherTransactionManager", CountingTransactionManager.class,
					() -> new CountingTransactionManager(
							new DriverManagerDataSource(TestDatabase.H2.connection().url(), "sa", "")))
			.withPropertyValues("upgrader.auto-run=false")
			.withBean(TestUpgrade.class, () -> TestUpgrade.of("tx_2026_01_01_first"))
			.run((context) -> {
				assertThat(context.getBean(Upgrader.class).run(RunOptions.unattended()).applied()).hasSize(1);
				assertThat(context.getBean(CountingTransactionManager.class).begun).hasValue(0);
			});
	}

	record ItemCount(int value) {

	}

	@Configuration(proxyBeanMethods = false)
	static class DependentConfiguration {

		@Bean
		@DependsOnDatabaseInitialization
		ItemCount itemCount(DataSource dataSource) {
			return new ItemCount(
					new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM phase_items", Integer.class));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LenientDependentConfiguration {

		@Bean
		@DependsOnDatabaseInitialization
		ItemCount itemCount() {
			return new ItemCount(0);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingTransactionManagerConfiguration {

		@Bean
		CountingTransactionManager transactionManager(DataSource dataSource) {
			return new CountingTransactionManager(dataSource);
		}

	}

	static class CountingTransactionManager extends DataSourceTransactionManager {

		final AtomicInteger begun = new AtomicInteger();

		CountingTransactionManager(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			this.begun.incrementAndGet();
			super.doBegin(transaction, definition);
		}

	}

}
