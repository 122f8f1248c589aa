package dev.upgrader.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UpgraderCommandLine}: the {@code upgrader} command lines refused
 * before Spring Shell misreads them, through the application's {@link CommandParser}.
 */
class UpgraderCommandLineTests {

	@Test
	void aMisspelledCommandIsRefusedListingTheCommands() {
		assertRefused("upgrader shwo applied", "Unknown command: upgrader shwo applied. The upgrader commands are:"
				+ " upgrader accept-change, upgrader baseline, upgrader check, upgrader create recipe,");
		assertRefused("upgrader show aplied", "Unknown command: upgrader show aplied.");
		assertRefused("upgrader ru", "Unknown command: upgrader ru.");
	}

	@Test
	void aGroupAloneIsLeftToShellWhichListsItsCommands() {
		ShellFixture.runner().run((context) -> {
			CommandParser parser = context.getBean(CommandParser.class);
			assertThat(parser.parse("upgrader").commandName()).isEqualTo("upgrader");
			assertThat(parser.parse("upgrader show").subCommands()).containsExactly("show");
		});
	}

	@Test
	void helpIsAFlagOfEveryCommand() {
		ShellFixture.runner().run((context) -> {
			ParsedInput parsed = context.getBean(CommandParser.class).parse("upgrader show applied --help");
			assertThat(parsed.options()).singleElement().satisfies((option) -> {
				assertThat(option.longName()).isEqualTo("help");
				assertThat(option.value()).isEqualTo("true");
			});
		});
	}

	@Test
	void aMisspelledOptionIsRefusedListingTheOptions() {
		assertRefused("upgrader run --yes-i-nkow", "Unknown option --yes-i-nkow for upgrader run;"
				+ " its options are --all-tenants, --tenant, --yes-i-know.");
		assertRefused("upgrader run --yes-i-nkow=true", "Unknown option --yes-i-nkow for upgrader run;");
		assertRefused("upgrader show applied --all",
				"Unknown option --all for upgrader show applied;" + " its options are --tenant.");
		assertRefused("upgrader show tenants --all",
				"Unknown option --all for upgrader show tenants; it takes no options.");
	}

	@Test
	void anOptionWithoutItsValueIsRefused() {
		assertRefused("upgrader create recipe --package",
				"Option --package of upgrader create recipe needs a value: --package VALUE.");
		assertRefused("upgrader create recipe --package --overwrite", "Option --package of upgrader create recipe");
	}

	@Test
	void anArgumentTheCommandDoesNotTakeIsRefused() {
		assertRefused("upgrader create recipe --package a.b --name a b",
				"Unexpected argument b: upgrader create recipe takes no arguments."
						+ " Quote an option value that has spaces, as in --name \"a b\".");
		assertRefused("upgrader show applied now",
				"Unexpected argument now: upgrader show applied takes no arguments.");
		ShellFixture.runner()
			.run((context) -> assertThatExceptionOfType(UpgraderCommandException.class)
				.isThrownBy(() -> context.getBean(CommandParser.class).parse("upgrader show tenants now"))
				.withMessageNotContaining("Quote"));
		assertRefused("upgrader mark-applied r_2026_01_01_a r_2026_01_02_b",
				"Unexpected argument r_2026_01_02_b: upgrader mark-applied takes only 1 argument(s).");
	}

	@Test
	void aQuotedValueWithSpacesIsOneValue() {
		ShellFixture.runner().run((context) -> {
			ParsedInput parsed = context.getBean(CommandParser.class)
				.parse("upgrader create recipe --package a.b --name \"a b\" --overwrite");
			assertThat(parsed.options()).extracting((option) -> option.longName() + "=" + option.value())
				.containsExactly("package=a.b", "name=a b", "overwrite=true");
			assertThat(parsed.arguments()).isEmpty();
		});
	}

	@Test
	void aFlagTakesOnlyTrueOrFalseAsItsValue() {
		ShellFixture.runner().run((context) -> {
			ParsedInput parsed = context.getBean(CommandParser.class)
				.parse("upgrader mark-applied --yes-i-know r_2026_01_01_a");
			assertThat(parsed.options()).singleElement()
				.satisfies((option) -> assertThat(option.value()).isEqualTo("true"));
			assertThat(parsed.arguments()).singleElement()
				.satisfies((argument) -> assertThat(argument.value()).isEqualTo("r_2026_01_01_a"));
		});
	}

	@Test
	void theArgumentCountsMatchTheCommandMethods() {
		Map<String, Integer> declared = new HashMap<>();
		for (Class<?> commands : UpgraderCommands.CLASSES) {
			for (Method method : commands.getMethods()) {
				Command command = method.getAnnotation(Command.class);
				long arguments = Arrays.stream(method.getParameters())
					.filter((Parameter parameter) -> parameter.isAnnotationPresent(Argument.class))
					.count();
				if (command != null && arguments > 0) {
					declared.put(String.join(" ", command.name()), (int) arguments);
				}
			}
		}
		assertThat(UpgraderCommands.ARGUMENTS).isEqualTo(declared);
	}

	@Test
	void otherCommandsAreLeftToShell() {
		ShellFixture.runner()
			.run((context) -> assertThat(context.getBean(CommandParser.class).parse("help upgrader").commandName())
				.isEqualTo("help"));
	}

	private static void assertRefused(String line, String message) {
		ShellFixture.runner()
			.run((context) -> assertThatExceptionOfType(UpgraderCommandException.class)
				.isThrownBy(() -> context.getBean(CommandParser.class).parse(line))
				.withMessageStartingWith(message));
	}

}
