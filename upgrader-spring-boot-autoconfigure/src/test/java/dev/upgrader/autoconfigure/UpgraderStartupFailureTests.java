package dev.upgrader.autoconfigure;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderException;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What an operator reading the console sees when an upgrade fails at start-up: the
 * upgrade, the database's own reason and one stack trace, in either phase.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpgraderStartupFailureTests {

	private static final String ROOT_CAUSE = "Table \"RC_BROKEN\" already exists";

	@ParameterizedTest
	@ValueSource(strings = { "runner", "initializer" })
	void aFailedUpgradeStopsStartupShowingItsRootCauseAndOneStackTrace(String phase, CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(FailingApplication.class).web(WebApplicationType.NONE)
				.properties(TestDatabase.H2.connection().properties())
				.properties("spring.main.banner-mode=off", "upgrader.packages=dev.upgrader.autoconfigure.none",
						"upgrader.auto-run-phase=" + phase, TestApplications.WITHOUT_SHELL)
				.run());
		String console = output.getAll();
		assertThat(console).contains("Upgrade app_2026_01_02_broken failed")
			.contains("bad SQL grammar [CREATE TABLE rc_broken (id INT)]: " + ROOT_CAUSE)
			.contains("APPLICATION FAILED TO START");
		assertThat(occurrences(console, "JdbcSQLSyntaxErrorException: " + ROOT_CAUSE))
			.as("stack traces in\n%s", console)
			.isOne();
		assertThat(description(console)).contains(ROOT_CAUSE);
	}

	@Test
	void theFailureAnalysisAddsTheRootCauseTheMessageLacks() {
		UpgraderException failure = new UpgraderException("Cannot read the upgrade log",
				new IllegalStateException("wrapper", new SQLException("connection reset by peer")));
		FailureAnalysis analysis = new UpgraderFailureAnalyzer()
			.analyze(new IllegalStateException("Failed to execute ApplicationRunner", failure));
		assertThat(analysis.getDescription()).startsWith("Cannot read the upgrade log")
			.endsWith("Root cause: connection reset by peer");
		UpgraderException complete = new UpgraderException("Cannot lock: connection reset by peer",
				new SQLException("connection reset by peer"));
		assertThat(new UpgraderFailureAnalyzer().analyze(complete, complete).getDescription())
			.isEqualTo("Cannot lock: connection reset by peer");
	}

	private static String description(String console) {
		int start = console.indexOf("Description:");
		int end = console.indexOf("Action:", start);
		assertThat(start).as("failure analysis in\n%s", console).isNotNegative();
		return console.substring(start, end);
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class FailingApplication {

		@Bean
		Upgrade creates() {
			return TestUpgrade.of("app_2026_01_01_creates")
				.doing((context) -> context.jdbc().execute("CREATE TABLE rc_broken (id INT)"));
		}

		@Bean
		Upgrade broken() {
			return TestUpgrade.of("app_2026_01_02_broken", "app_2026_01_01_creates")
				.doing((context) -> context.jdbc().execute("CREATE TABLE rc_broken (id INT)"));
		}

	}

}
