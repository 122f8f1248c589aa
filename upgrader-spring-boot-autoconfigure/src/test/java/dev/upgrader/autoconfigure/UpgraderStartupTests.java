package dev.upgrader.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.Upgrader;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Whole applications: the start-up run, and what a broken graph does to start-up.
 */
class UpgraderStartupTests {

	@Test
	void pendingUpgradesAreAppliedWhenTheApplicationStarts() {
		try (ConfigurableApplicationContext context = TestApplications.onH2(ValidApplication.class).run()) {
			assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
				.containsExactly("app_2026_01_01_first", "app_2026_01_02_second");
		}
	}

	@Test
	void autoRunOffLeavesUpgradesPending() {
		try (ConfigurableApplicationContext context = TestApplications
			.onH2(ValidApplication.class, "upgrader.auto-run=false")
			.run()) {
			assertThat(context.getBean(Upgrader.class).pending()).hasSize(2);
		}
	}

	@Test
	void invalidGraphStopsStartupNamingEveryCulprit() {
		assertThatExceptionOfType(UpgradeGraphException.class)
			.isThrownBy(() -> TestApplications.onH2(BrokenApplication.class).run())
			.withMessageContaining("Upgrade app_2026_01_02_second depends on an unknown upgrade app_2026_01_01_missing")
			.withMessageContaining("Invalid upgrade id 'CreateUsers'");
	}

	@Test
	void failureAnalyzerIsRegisteredAndDescribesGraphErrors() {
		List<String> analyzers = SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class,
				getClass().getClassLoader());
		assertThat(analyzers).contains(UpgraderFailureAnalyzer.class.getName());
		UpgradeGraphException failure = new UpgradeGraphException(List.of("Dependency cycle: a -> b -> a"));
		FailureAnalysis analysis = new UpgraderFailureAnalyzer()
			.analyze(new IllegalStateException("Failed to execute ApplicationRunner", failure));
		assertThat(analysis.getDescription()).contains("Dependency cycle: a -> b -> a");
		assertThat(analysis.getAction()).contains("break each cycle").contains("Nothing was applied");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ValidApplication {

		@Bean
		Upgrade first() {
			return TestUpgrade.of("app_2026_01_01_first");
		}

		@Bean
		Upgrade second() {
			return TestUpgrade.of("app_2026_01_02_second", "app_2026_01_01_first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BrokenApplication {

		@Bean
		Upgrade second() {
			return TestUpgrade.of("app_2026_01_02_second", "app_2026_01_01_missing");
		}

		@Bean
		Upgrade misnamed() {
			return TestUpgrade.of("CreateUsers");
		}

	}

}
