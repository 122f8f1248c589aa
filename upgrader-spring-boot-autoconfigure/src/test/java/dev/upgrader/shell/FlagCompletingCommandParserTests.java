package dev.upgrader.shell;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagCompletingCommandParser}, the work-around for flags of multi-word
 * commands in Spring Shell 4.0.1.
 */
class FlagCompletingCommandParserTests {

	@Test
	void flagsOfUpgraderCommandsAreCompletedAndParsed() {
		ShellFixture.runner().run((context) -> {
			CommandParser parser = context.getBean(CommandParser.class);
			assertThat(parser).isInstanceOf(FlagCompletingCommandParser.class);
			ParsedInput parsed = parser.parse("upgrader run --yes-i-know");
			assertThat(parsed.subCommands()).containsExactly("run");
			assertThat(parsed.options()).singleElement().satisfies((option) -> {
				assertThat(option.longName()).isEqualTo("yes-i-know");
				assertThat(option.value()).isEqualTo("true");
			});
		});
	}

	@Test
	void onlyFlagsWithoutAValueAreCompleted() {
		ShellFixture.runner().run((context) -> {
			FlagCompletingCommandParser parser = (FlagCompletingCommandParser) context.getBean(CommandParser.class);
			assertThat(parser.completeFlags("upgrader create recipe --overwrite --package a.b"))
				.isEqualTo("upgrader create recipe --overwrite=true --package a.b");
			assertThat(parser.completeFlags("upgrader create recipe --package a.b --overwrite false"))
				.isEqualTo("upgrader create recipe --package a.b --overwrite false");
			assertThat(parser.completeFlags("upgrader run --yes-i-know=true"))
				.isEqualTo("upgrader run --yes-i-know=true");
		});
	}

	@Test
	void inputForOtherCommandsIsLeftAlone() {
		CommandRegistry registry = new CommandRegistry();
		registry.registerCommand(Command.builder()
			.name("other run")
			.options(CommandOption.with().longName("force").type(boolean.class).build())
			.execute((context) -> "ran"));
		CommandParser delegate = (input) -> ParsedInput.builder().commandName(input).build();
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("commandRegistry", registry);
		FlagCompletingCommandParser parser = new FlagCompletingCommandParser(delegate,
				beans.getBeanProvider(CommandRegistry.class));
		assertThat(parser.completeFlags("other run --force")).isEqualTo("other run --force");
	}

}
