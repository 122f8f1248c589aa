package dev.upgrader.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NonInteractiveCommandRunner}: one-shot commands, as
 * {@code java -jar app.jar upgrader ...} runs them.
 */
class NonInteractiveCommandRunnerTests {

	@TempDir
	Path directory;

	private final StringWriter output = new StringWriter();

	private final List<String[]> scripts = new ArrayList<>();

	@Test
	void aCommandRunsAndPrints() {
		ShellFixture.runner(TestUpgrade.of("shop_2026_01_10_a")).run((context) -> {
			runner(context).run(new String[] { "upgrader", "show", "pending" });
			assertThat(this.output.toString()).contains("shop_2026_01_10_a", "1 upgrade(s) pending");
		});
	}

	@Test
	void aMisspelledCommandFails() {
		ShellFixture.runner().run((context) -> {
			assertThatExceptionOfType(UpgraderCommandException.class)
				.isThrownBy(() -> runner(context).run(new String[] { "upgrader", "shwo", "applied" }))
				.withMessageStartingWith("Unknown command: upgrader shwo applied.");
			assertThatExceptionOfType(UpgraderCommandException.class)
				.isThrownBy(() -> runner(context).run(new String[] { "shwo" }))
				.withMessage(
						"Unknown command: shwo. Run the application with the argument 'help' to list the commands.");
		});
	}

	@Test
	void aMisspelledOptionFails() {
		ShellFixture.runner()
			.run((context) -> assertThatExceptionOfType(UpgraderCommandException.class)
				.isThrownBy(() -> runner(context).run(new String[] { "upgrader", "run", "--yes-i-nkow" }))
				.withMessageStartingWith("Unknown option --yes-i-nkow for upgrader run"));
	}

	@Test
	void aMissingArgumentFails() {
		ShellFixture.runner()
			.run((context) -> assertThatExceptionOfType(CommandExecutionException.class)
				.isThrownBy(() -> runner(context).run(new String[] { "upgrader", "mark-applied", "--yes-i-know" }))
				.withRootCauseInstanceOf(UpgraderCommandException.class)
				.havingRootCause()
				.withMessageStartingWith("Give the id of the upgrade to mark"));
	}

	@Test
	void anOptionValueWithSpacesStaysWhole() throws Exception {
		Path output = Files.createDirectories(this.directory.resolve("out sp"));
		ShellFixture.runner(TestUpgrade.of("shop_2026_01_10_a")).run((context) -> {
			runner(context).run(new String[] { "upgrader", "create", "recipe", "--package", "com.example.shop",
					"--name", "add_stock", "--output", output.toString() });
			assertThat(output.resolve("shop_2026_04_01_add_stock.java")).exists();
			assertThatExceptionOfType(CommandExecutionException.class)
				.isThrownBy(() -> runner(context).run(new String[] { "upgrader", "create", "recipe", "--package",
						"com.example.shop", "--name", "add stock", "--output", output.toString() }))
				.havingRootCause()
				.withMessageContaining("Invalid upgrade id 'shop_2026_04_01_add stock'");
		});
	}

	@Test
	void aScriptFileIsLeftToSpringShell() {
		ShellFixture.runner().run((context) -> {
			runner(context).run(new String[] { "@commands.txt" });
			assertThat(this.scripts).singleElement()
				.satisfies((args) -> assertThat(args).containsExactly("@commands.txt"));
		});
	}

	private NonInteractiveCommandRunner runner(ApplicationContext context) {
		ShellRunner scripts = this.scripts::add;
		return new NonInteractiveCommandRunner(scripts, context.getBean(CommandParser.class),
				context.getBean(CommandRegistry.class), new PrintWriter(this.output));
	}

}
