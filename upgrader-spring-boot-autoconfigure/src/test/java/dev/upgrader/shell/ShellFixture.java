package dev.upgrader.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.upgrader.Upgrade;
import dev.upgrader.autoconfigure.UpgraderAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.test.autoconfigure.ShellTestClientAutoConfiguration;

/**
 * Builds application contexts with Upgrader, its shell commands and Spring Shell's test
 * client on a fresh in-memory H2 database, and runs commands whose prompts get scripted
 * answers.
 */
final class ShellFixture {

	/** The day the fixture's clock stands still on. */
	static final Instant TODAY = Instant.parse("2026-04-01T10:00:00Z");

	private ShellFixture() {
	}

	static ApplicationContextRunner runner(Upgrade... upgrades) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, UpgraderAutoConfiguration.class,
					UpgraderShellAutoConfiguration.class, ShellTestClientAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
			.withBean(Clock.class, () -> Clock.fixed(TODAY, ZoneOffset.UTC));
		for (Upgrade upgrade : upgrades) {
			runner = runner.withBean(upgrade.id(), Upgrade.class, () -> upgrade);
		}
		return runner;
	}

	/**
	 * Runs a command as the interactive shell would, reading the given answers.
	 * @param context the application context
	 * @param input the command line
	 * @param answers what the operator types at the prompts, in order
	 * @return what the command printed and the deepest cause of its failure, if any
	 */
	static Outcome execute(ApplicationContext context, String input, String... answers) {
		Deque<String> lines = new ArrayDeque<>(Arrays.asList(answers));
		InputReader operator = new InputReader() {

			@Override
			public String readInput(String prompt) {
				return lines.pop();
			}

		};
		StringWriter output = new StringWriter();
		CommandRegistry registry = context.getBean(CommandRegistry.class);
		CommandContext commandContext = new CommandContext(context.getBean(CommandParser.class).parse(input), registry,
				new PrintWriter(output), operator);
		try {
			new CommandExecutor(registry).execute(commandContext);
			return new Outcome(output.toString(), null);
		}
		catch (CommandExecutionException ex) {
			return new Outcome(output.toString(), NestedExceptionUtils.getMostSpecificCause(ex));
		}
	}

	/**
	 * What a command did.
	 *
	 * @param output what it printed
	 * @param failure the deepest cause of its failure, {@code null} on success
	 */
	record Outcome(String output, @Nullable Throwable failure) {

	}

}
