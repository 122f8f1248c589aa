package dev.upgrader.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Lets the {@code upgrader} commands take boolean flags without a value, as in
 * {@code upgrader run --yes-i-know}.
 * <p>
 * Spring Shell 4.0.1's {@code DefaultCommandParser} decides whether a value-less option
 * is a flag by looking the options up on the first word only ({@code upgrader}), which is
 * no command, so it rejects every flag of a multi-word command with "requires a value".
 * This decorator spells such flags out as {@code --flag=true} before delegating; input
 * for any other command passes through untouched.
 */
final class FlagCompletingCommandParser implements CommandParser {

	private final CommandParser delegate;

	private final ObjectProvider<CommandRegistry> registry;

	FlagCompletingCommandParser(CommandParser delegate, ObjectProvider<CommandRegistry> registry) {
		this.delegate = delegate;
		this.registry = registry;
	}

	@Override
	public ParsedInput parse(String input) {
		return this.delegate.parse(completeFlags(input));
	}

	String completeFlags(String input) {
		List<String> words = Arrays.asList(input.strip().split("\\s+"));
		Optional<Command> command = ourCommand(words);
		if (command.isEmpty()) {
			return input;
		}
		Set<String> flags = flags(command.get());
		int nameLength = command.get().getName().split(" ").length;
		List<String> completed = new ArrayList<>(words);
		for (int i = nameLength; i < words.size(); i++) {
			boolean valueFollows = i + 1 < words.size() && !words.get(i + 1).startsWith("-");
			if (flags.contains(words.get(i)) && !valueFollows) {
				completed.set(i, words.get(i) + "=true");
			}
		}
		return completed.equals(words) ? input : String.join(" ", completed);
	}

	private Optional<Command> ourCommand(List<String> words) {
		CommandRegistry commands = this.registry.getIfAvailable();
		if (commands == null) {
			return Optional.empty();
		}
		return commands.getCommands()
			.stream()
			.filter((command) -> UpgraderCommands.GROUP.equals(command.getGroup()))
			.filter((command) -> startsWith(words, command.getName().split(" ")))
			.max(Comparator.comparingInt((command) -> command.getName().length()));
	}

	private static boolean startsWith(List<String> words, String[] name) {
		return words.size() >= name.length && words.subList(0, name.length).equals(List.of(name));
	}

	private static Set<String> flags(Command command) {
		return command.getOptions()
			.stream()
			.filter((option) -> option.type() == boolean.class || option.type() == Boolean.class)
			.flatMap(FlagCompletingCommandParser::spellings)
			.collect(Collectors.toSet());
	}

	private static Stream<String> spellings(CommandOption option) {
		return (option.shortName() == ' ') ? Stream.of("--" + option.longName())
				: Stream.of("--" + option.longName(), "-" + option.shortName());
	}

}
