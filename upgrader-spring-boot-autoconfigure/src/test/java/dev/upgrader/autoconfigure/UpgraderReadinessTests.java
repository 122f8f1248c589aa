package dev.upgrader.autoconfigure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the availability states around the start-up run in the {@code runner} phase,
 * through a real {@link org.springframework.boot.SpringApplication}.
 */
class UpgraderReadinessTests {

	@Test
	void refusesTrafficWhileTheRunIsUnderWayAndAcceptsItAfter() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		BlockingConfiguration.upgrade = TestUpgrade.of("shop_2026_01_01_blocking").doing((context) -> {
			started.countDown();
			assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
		});
		AtomicReference<ConfigurableApplicationContext> startedContext = new AtomicReference<>();
		CompletableFuture<ConfigurableApplicationContext> running = CompletableFuture
			.supplyAsync(() -> application(BlockingConfiguration.class)
				.listeners((ApplicationStartedEvent event) -> startedContext.set(event.getApplicationContext()))
				.run());
		try {
			assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
			ApplicationAvailability availability = startedContext.get().getBean(ApplicationAvailability.class);
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
			assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
		}
		finally {
			release.countDown();
		}
		try (ConfigurableApplicationContext context = running.get(30, TimeUnit.SECONDS)) {
			ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
		}
	}

	@Test
	void failedRunKeepsRefusingTrafficWhenConfiguredSo() {
		try (ConfigurableApplicationContext context = application(FailingConfiguration.class)
			.properties("upgrader.on-failure=refuse-traffic")
			.run()) {
			ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
			assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
		}
	}

	@Test
	void failedRunStopsTheApplicationByDefault() {
		assertThatExceptionOfType(UpgradeFailedException.class)
			.isThrownBy(() -> application(FailingConfiguration.class).run())
			.withMessageContaining("shop_2026_01_01_failing");
	}

	private static SpringApplicationBuilder application(Class<?> configuration) {
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.properties("spring.datasource.generate-unique-name=true", "spring.main.banner-mode=off");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ApplicationAvailabilityAutoConfiguration.class, DataSourceAutoConfiguration.class,
			UpgraderAutoConfiguration.class })
	static class BlockingConfiguration {

		static volatile Upgrade upgrade;

		@Bean
		Upgrade blocking() {
			return upgrade;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ApplicationAvailabilityAutoConfiguration.class, DataSourceAutoConfiguration.class,
			UpgraderAutoConfiguration.class })
	static class FailingConfiguration {

		@Bean
		Upgrade failing() {
			return TestUpgrade.failing("shop_2026_01_01_failing");
		}

	}

}
