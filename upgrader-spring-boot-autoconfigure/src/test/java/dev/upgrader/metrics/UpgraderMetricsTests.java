package dev.upgrader.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import dev.upgrader.RunOptions;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.Upgrader;
import dev.upgrader.autoconfigure.UpgraderAutoConfiguration;
import dev.upgrader.autoconfigure.UpgraderMetricsAutoConfiguration;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link UpgraderMetrics}, after real runs on H2.
 */
class UpgraderMetricsTests {

	private final ApplicationContextRunner contextRunner = plainContextRunner().withBean(SimpleMeterRegistry.class)
		.withBean("one", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_01_one"))
		.withBean("two", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_02_two", "shop_2026_01_01_one"))
		.withBean("three", TestUpgrade.class, () -> TestUpgrade.of("billing_2026_01_03_three", "shop_2026_01_01_one"));

	private static ApplicationContextRunner plainContextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, UpgraderAutoConfiguration.class,
					UpgraderMetricsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.generate-unique-name=true", "upgrader.auto-run=false");
	}

	@Test
	void successfulRunRecordsTimersCountersAndGauges() {
		this.contextRunner.withPropertyValues("upgrader.metrics.upgrade-tag=true").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(UpgraderMetrics.PENDING).gauge().value()).isEqualTo(3);
			assertThat(registry.get(UpgraderMetrics.LAST_SUCCESS).gauge().value()).isNaN();
			context.getBean(Upgrader.class).run(RunOptions.unattended());
			assertThat(registry.get(UpgraderMetrics.UPGRADE_DURATION)
				.tags("upgrade", "shop_2026_01_02_two", "repository", "shop", "outcome", "success")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get(UpgraderMetrics.UPGRADE_DURATION).timers()).hasSize(3);
			assertThat(registry.get(UpgraderMetrics.APPLIED).tag("repository", "shop").counter().count()).isEqualTo(2);
			assertThat(registry.get(UpgraderMetrics.APPLIED).tag("repository", "billing").counter().count())
				.isEqualTo(1);
			assertThat(registry.find(UpgraderMetrics.FAILED).counters()).isEmpty();
			assertThat(registry.get(UpgraderMetrics.RUN_DURATION).tag("outcome", "success").timer().count())
				.isEqualTo(1);
			assertThat(registry.get(UpgraderMetrics.LOCK_WAIT).timer().count()).isEqualTo(1);
			assertThat(registry.get(UpgraderMetrics.PENDING).gauge().value()).isZero();
			assertThat(registry.get(UpgraderMetrics.LAST_SUCCESS).gauge().value())
				.isCloseTo(System.currentTimeMillis() / 1000.0, within(60.0));
		});
	}

	@Test
	void upgradeTimerHasNoUpgradeTagByDefault() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(Upgrader.class).run(RunOptions.unattended());
			assertThat(registry.get(UpgraderMetrics.UPGRADE_DURATION).timers()).hasSize(2)
				.allSatisfy((timer) -> assertThat(timer.getId().getTag("upgrade")).isNull());
			assertThat(registry.get(UpgraderMetrics.UPGRADE_DURATION)
				.tags("repository", "shop", "outcome", "success")
				.timer()
				.count()).isEqualTo(2);
		});
	}

	@Test
	void observesRunsAndUpgradesWithTheUpgradeAsAHighCardinalityKey() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		plainContextRunner().withBean(ObservationRegistry.class, () -> observations)
			.withBean("one", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_01_one"))
			.withBean("two", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_02_two", "shop_2026_01_01_one"))
			.run((context) -> {
				assertThat(context).hasSingleBean(UpgraderObservations.class).doesNotHaveBean(UpgraderMetrics.class);
				context.getBean(Upgrader.class).run(RunOptions.unattended());
				TestObservationRegistryAssert.assertThat(observations)
					.hasNumberOfObservationsWithNameEqualTo(UpgraderObservations.RUN, 1)
					.hasNumberOfObservationsWithNameEqualTo(UpgraderObservations.UPGRADE, 2)
					.hasObservationWithNameEqualTo(UpgraderObservations.RUN)
					.that()
					.hasLowCardinalityKeyValue("outcome", "success")
					.doesNotHaveParentObservation()
					.hasBeenStopped();
				TestObservationRegistryAssert.assertThat(observations)
					.forAllObservationsWithNameEqualTo(UpgraderObservations.UPGRADE,
							(upgrade) -> upgrade.hasLowCardinalityKeyValue("repository", "shop")
								.hasLowCardinalityKeyValue("outcome", "success")
								.hasParentObservation())
					.hasAnObservationWithAKeyValue("upgrade", "shop_2026_01_02_two");
				assertThat(observations.getCurrentObservation()).as("every scope is closed").isNull();
			});
	}

	@Test
	void observesAFailedUpgradeAndItsRunAsFailures() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		plainContextRunner().withBean(ObservationRegistry.class, () -> observations)
			.withBean("one", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_01_one"))
			.withBean("two", TestUpgrade.class, () -> TestUpgrade.failing("shop_2026_01_02_two", "shop_2026_01_01_one"))
			.run((context) -> {
				assertThatExceptionOfType(UpgradeFailedException.class)
					.isThrownBy(() -> context.getBean(Upgrader.class).run(RunOptions.unattended()));
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo(UpgraderObservations.RUN)
					.that()
					.hasLowCardinalityKeyValue("outcome", "failure")
					.hasError();
				TestObservationRegistryAssert.assertThat(observations)
					.hasAnObservationWithAKeyValue("upgrade", "shop_2026_01_02_two")
					.hasAnObservationWithAKeyValue("outcome", "failure");
				assertThat(observations.getCurrentObservation()).as("every scope is closed").isNull();
			});
	}

	@Test
	void failedUpgradeIsCountedAndTimedAsFailure() {
		this.contextRunner.withPropertyValues("upgrader.metrics.upgrade-tag=true")
			.withBean("four", TestUpgrade.class,
					() -> TestUpgrade.failing("shop_2026_01_04_four", "shop_2026_01_02_two"))
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThatExceptionOfType(UpgradeFailedException.class)
					.isThrownBy(() -> context.getBean(Upgrader.class).run(RunOptions.unattended()));
				assertThat(registry.get(UpgraderMetrics.FAILED).tag("repository", "shop").counter().count())
					.isEqualTo(1);
				assertThat(registry.get(UpgraderMetrics.UPGRADE_DURATION)
					.tags("upgrade", "shop_2026_01_04_four", "outcome", "failure")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get(UpgraderMetrics.RUN_DURATION).tag("outcome", "failure").timer().count())
					.isEqualTo(1);
				assertThat(registry.get(UpgraderMetrics.PENDING).gauge().value()).isEqualTo(1);
				assertThat(registry.get(UpgraderMetrics.LAST_SUCCESS).gauge().value()).isNaN();
			});
	}

	@Test
	void populateIsCounted() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(UpgraderMetrics.POPULATED).counter().count()).isZero();
			context.getBean(Upgrader.class).populate();
			assertThat(registry.get(UpgraderMetrics.POPULATED).counter().count()).isEqualTo(3);
			assertThat(registry.get(UpgraderMetrics.PENDING).gauge().value()).isZero();
		});
	}

	@Test
	void pendingGaugeFollowsAnUpgradeMarkedAppliedByHand() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(UpgraderMetrics.PENDING).gauge().value()).isEqualTo(3);
			context.getBean(Upgrader.class).markApplied("shop_2026_01_01_one");
			assertThat(registry.get(UpgraderMetrics.PENDING).gauge().value()).isEqualTo(2);
		});
	}

	@Test
	void pendingGaugeFollowsABaseline() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(UpgraderMetrics.PENDING).gauge().value()).isEqualTo(3);
			context.getBean(Upgrader.class).baseline("shop_2026_01_02_two");
			assertThat(registry.get(UpgraderMetrics.PENDING).gauge().value()).isEqualTo(1);
		});
	}

	@Test
	void pendingGaugeIsNaNWhenTheGraphIsInvalid() {
		this.contextRunner
			.withBean("cycle", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_01_one", "shop_2026_01_02_two"))
			.run((context) -> assertThat(
					context.getBean(MeterRegistry.class).get(UpgraderMetrics.PENDING).gauge().value())
				.isNaN());
	}

	@Test
	void backsOffWithoutMeterRegistry() {
		plainContextRunner()
			.run((context) -> assertThat(context).hasSingleBean(Upgrader.class).doesNotHaveBean(UpgraderMetrics.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		plainContextRunner().withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> assertThat(context).hasSingleBean(Upgrader.class).doesNotHaveBean("upgraderMetrics"));
	}

	@Test
	void userMetricsBeanWins() {
		this.contextRunner
			.withBean("custom", UpgraderMetrics.class, () -> new UpgraderMetrics(new SimpleMeterRegistry(), () -> null))
			.run((context) -> assertThat(context).getBean(UpgraderMetrics.class).isSameAs(context.getBean("custom")));
	}

}
