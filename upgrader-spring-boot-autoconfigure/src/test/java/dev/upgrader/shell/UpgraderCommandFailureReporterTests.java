package dev.upgrader.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.shell.core.command.CommandExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgraderCommandFailureReporter}.
 */
class UpgraderCommandFailureReporterTests {

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final UpgraderCommandFailureReporter reporter = new UpgraderCommandFailureReporter(
			new PrintStream(this.err, true, StandardCharsets.UTF_8));

	@Test
	void aFailedUpgraderCommandIsReportedAsOneLine() {
		Throwable failure = new IllegalStateException("Failed to execute ApplicationRunner",
				new CommandExecutionException("Unable to execute command upgrader run",
						new InvocationTargetException(new UpgraderCommandException("Add --yes-i-know."))));
		assertThat(this.reporter.reportException(failure)).isTrue();
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.isEqualTo("ERROR: Add --yes-i-know." + System.lineSeparator());
	}

	@Test
	void anUpgraderCommandRejectedByTheShellIsReportedWithTheReason() {
		Throwable failure = new IllegalStateException("Failed to execute ApplicationRunner",
				new CommandExecutionException("Unable to execute command upgrader create recipe",
						new IllegalArgumentException("Required option '--package' is missing.")));
		assertThat(this.reporter.reportException(failure)).isTrue();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith(
				"ERROR: Unable to execute command upgrader create recipe: Required option '--package' is missing.");
	}

	@Test
	void otherFailuresAreLeftToSpringBoot() {
		assertThat(this.reporter.reportException(new IllegalStateException("boom"))).isFalse();
		assertThat(this.reporter.reportException(
				new CommandExecutionException("Unable to execute command other", new IllegalStateException("boom"))))
			.isFalse();
		assertThat(this.err.size()).isZero();
	}

}
