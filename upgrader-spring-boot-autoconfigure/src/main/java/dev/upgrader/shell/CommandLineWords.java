package dev.upgrader.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words of a command line as Spring Shell 4.0.1's parser reads them: separated by
 * whitespace outside double quotes, a quoted value being one word. Also joins the
 * arguments of a one-shot command back into such a line, quoting the values that hold
 * whitespace, since Spring Shell parses one line rather than the arguments it was given.
 */
final class CommandLineWords {

	/** Whitespace followed by an even number of double quotes: outside quotes. */
	private static final Pattern SEPARATOR = Pattern.compile("\\s+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");

	private static final Pattern WHITESPACE = Pattern.compile("\\s");

	private CommandLineWords() {
	}

	/**
	 * Splits a command line into its words.
	 * @param line the command line
	 * @return the words, none for a blank line
	 */
	static List<String> split(String line) {
		String stripped = line.strip();
		return stripped.isEmpty() ? List.of() : Arrays.asList(SEPARATOR.split(stripped));
	}

	/**
	 * Joins a one-shot command's arguments into a line that Spring Shell splits back into
	 * the same words: an empty argument or one with whitespace is quoted (for
	 * {@code --name=value}, only the value).
	 * @param arguments the arguments, as the operating system passed them
	 * @return the command line
	 * @throws UpgraderCommandException when an argument holds a double quote, which the
	 * parser cannot take inside a value
	 */
	static String join(String... arguments) {
		List<String> words = new ArrayList<>();
		for (String argument : arguments) {
			if (argument.indexOf('"') >= 0) {
				throw new UpgraderCommandException("Argument [" + argument
						+ "] holds a double quote (\"), which Spring Shell cannot pass on to a command. Leave the"
						+ " quotes out: a value with spaces, given as one argument (--name 'a b'), stays whole.");
			}
			words.add(quoted(argument));
		}
		return String.join(" ", words);
	}

	private static String quoted(String argument) {
		if (!argument.isEmpty() && !WHITESPACE.matcher(argument).find()) {
			return argument;
		}
		int equals = argument.indexOf('=');
		if (argument.startsWith("-") && equals > 0) {
			return argument.substring(0, equals + 1) + quote(argument.substring(equals + 1));
		}
		return quote(argument);
	}

	/** The parser unescapes backslashes inside quotes. */
	private static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\") + "\"";
	}

}
