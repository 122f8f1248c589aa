package dev.upgrader.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CommandLineWords}.
 */
class CommandLineWordsTests {

	@Test
	void wordsAreSeparatedByWhitespaceOutsideQuotes() {
		assertThat(CommandLineWords.split("  upgrader create recipe --name \"a  b\" --output=\"x y\" "))
			.containsExactly("upgrader", "create", "recipe", "--name", "\"a  b\"", "--output=\"x y\"");
		assertThat(CommandLineWords.split("   ")).isEmpty();
	}

	@Test
	void argumentsWithWhitespaceAreQuotedSoThatTheyStayOneWord() {
		String line = CommandLineWords.join("upgrader", "create", "recipe", "--name", "a b", "--output=out sp", "");
		assertThat(line).isEqualTo("upgrader create recipe --name \"a b\" --output=\"out sp\" \"\"");
		assertThat(CommandLineWords.split(line)).hasSize(7);
	}

	@Test
	void backslashesInQuotedArgumentsAreEscapedForTheParser() {
		assertThat(CommandLineWords.join("--output", "C:\\My Files")).isEqualTo("--output \"C:\\\\My Files\"");
		assertThat(CommandLineWords.join("--output", "C:\\dir")).isEqualTo("--output C:\\dir");
	}

	@Test
	void anArgumentWithADoubleQuoteIsRefusedNamingIt() {
		assertThatExceptionOfType(UpgraderCommandException.class)
			.isThrownBy(() -> CommandLineWords.join("upgrader", "create", "recipe", "--name", "it\"s"))
			.withMessageStartingWith("Argument [it\"s] holds a double quote");
	}

}
