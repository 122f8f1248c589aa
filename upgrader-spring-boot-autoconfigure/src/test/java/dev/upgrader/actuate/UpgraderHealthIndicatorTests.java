package dev.upgrader.actuate;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.upgrader.RunOptions;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.Upgrader;
import dev.upgrader.autoconfigure.UpgraderAutoConfiguration;
import dev.upgrader.autoconfigure.UpgraderHealthAutoConfiguration;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UpgraderHealthIndicator} and its auto-configuration.
 */
class UpgraderHealthIndicatorTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, UpgraderAutoConfiguration.class,
				UpgraderHealthAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "upgrader.auto-run=false")
		.withBean("one", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_01_one"))
		.withBean("two", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_02_two", "shop_2026_01_01_one"));

	@Test
	void isUpWithThePendingUpgradesInTheDetailsWhenAutoRunIsOff() {
		this.contextRunner.run((context) -> {
			Health health = context.getBean(UpgraderHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("pending", 2)
				.containsEntry("pendingUpgrades", List.of("shop_2026_01_01_one", "shop_2026_01_02_two"))
				.containsEntry("totalEstimateMillis", 2000L);
		});
	}

	@Test
	void pendingStatusPropertyTakesPendingUpgradesOutOfService() {
		this.contextRunner.withPropertyValues("upgrader.health.pending-status=out-of-service").run((context) -> {
			Health health = context.getBean(UpgraderHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("pending", 2);
			context.getBean(Upgrader.class).run(RunOptions.unattended());
			assertThat(context.getBean(UpgraderHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void blankPendingStatusIsRefusedNamingTheProperty() {
		this.contextRunner.withPropertyValues("upgrader.health.pending-status= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("upgrader.health.pending-status"));
	}

	@Test
	void isUpOnceEverythingIsApplied() {
		this.contextRunner.run((context) -> {
			context.getBean(Upgrader.class).run(RunOptions.unattended());
			Health health = context.getBean(UpgraderHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsExactly(Map.entry("pending", 0));
		});
	}

	@Test
	void isDownWithTheFailureAfterAFailedRun() {
		this.contextRunner
			.withBean("three", TestUpgrade.class,
					() -> TestUpgrade.failing("shop_2026_01_03_three", "shop_2026_01_02_two"))
			.run((context) -> {
				assertThatExceptionOfType(UpgradeFailedException.class)
					.isThrownBy(() -> context.getBean(Upgrader.class).run(RunOptions.unattended()));
				Health health = context.getBean(UpgraderHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("lastFailure")).isInstanceOfSatisfying(
						UpgraderRunState.Failure.class,
						(failure) -> assertThat(failure.upgrade()).isEqualTo("shop_2026_01_03_three"));
				assertThat(health.getDetails()).containsEntry("pendingUpgrades", List.of("shop_2026_01_03_three"));
			});
	}

	@Test
	void isDownWithTheProblemsWhenTheGraphIsInvalid() {
		this.contextRunner
			.withBean("cycle", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_03_three", "shop_2026_01_04_four"))
			.withBean("four", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_04_four", "shop_2026_01_03_three"))
			.run((context) -> {
				Health health = context.getBean(UpgraderHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("problems")).asString()
					.contains("Dependency cycle", "shop_2026_01_03_three", "shop_2026_01_04_four");
			});
	}

	@Test
	void showsTheRunUnderWay() {
		this.contextRunner.run((context) -> {
			UpgraderHealthIndicator indicator = context.getBean(UpgraderHealthIndicator.class);
			Health[] during = new Health[1];
			context.getBean(Upgrader.class)
				.run(new RunOptions(true, (question, answer) -> answer, new dev.upgrader.UpgradeListener() {

					@Override
					public void upgradeStarting(dev.upgrader.PendingUpgrade upgrade, int index, int total) {
						if (index == 2) {
							during[0] = indicator.health(true);
						}
					}

				}));
			assertThat(during[0].getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(during[0].getDetails().get("running")).isInstanceOfSatisfying(UpgraderRunState.Run.class,
					(run) -> {
						assertThat(run.upgrade()).isEqualTo("shop_2026_01_02_two");
						assertThat(run.index()).isEqualTo(2);
						assertThat(run.total()).isEqualTo(2);
					});
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.upgrader.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(Upgrader.class)
				.doesNotHaveBean(UpgraderHealthIndicator.class));
	}

	@Test
	void backsOffWithoutTheHealthModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasSingleBean(Upgrader.class)
				.doesNotHaveBean("upgraderHealthIndicator"));
	}

}
