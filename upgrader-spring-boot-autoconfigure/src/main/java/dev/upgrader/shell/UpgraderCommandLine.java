package dev.upgrader.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;

/**
 * An {@code upgrader} command line read word by word before Spring Shell 4.0.1 parses it,
 * to refuse what Shell would misread without a word: a command that does not exist (Shell
 * lists the sub-commands and succeeds), an unknown option (Shell asks it for a value, or
 * ignores it), an option without its value, and an argument the command does not take
 * (Shell drops it, so that an unquoted value with a space loses its second half).
 * <p>
 * A boolean flag takes the next word as its value only when that word is {@code true} or
 * {@code false}; {@link #completed()} spells the other flags out as {@code --flag=true},
 * since Shell's parser would otherwise ask them for a value.
 */
final class UpgraderCommandLine {

	private static final String FIRST_WORD = UpgraderCommands.GROUP_PREFIX.strip();

	private static final Set<String> HELP = Set.of("--help", "-h");

	private final Command command;

	private final List<String> words;

	private final List<String> completed;

	private UpgraderCommandLine(Command command, List<String> words) {
		this.command = command;
		this.words = words;
		this.completed = new ArrayList<>(words);
	}

	/**
	 * Reads a command line.
	 * @param words the line's words, see {@link CommandLineWords#split}
	 * @param commands the registered commands
	 * @return the line, or empty when it is not for an {@code upgrader} command or only
	 * names a group of them (Shell then lists the group's commands)
	 * @throws UpgraderCommandException when the line names an unknown {@code upgrader}
	 * command, an unknown option, an option without a value, or an argument too many
	 */
	static Optional<UpgraderCommandLine> read(List<String> words, Collection<Command> commands) {
		if (words.isEmpty() || !FIRST_WORD.equals(words.get(0))) {
			return Optional.empty();
		}
		List<Command> ours = commands.stream()
			.filter((command) -> UpgraderCommands.GROUP.equals(command.getGroup()))
			.toList();
		Optional<Command> named = ours.stream()
			.filter((command) -> startsWith(words, nameOf(command)))
			.max(Comparator.comparingInt((command) -> nameOf(command).size()));
		if (named.isEmpty()) {
			List<String> group = words.stream().filter((word) -> !HELP.contains(word)).toList();
			if (ours.stream().anyMatch((command) -> startsWith(nameOf(command), group))) {
				return Optional.empty();
			}
			throw new UpgraderCommandException(
					"Unknown command: " + String.join(" ", words) + ". The upgrader commands are: "
							+ ours.stream().map(Command::getName).sorted().collect(Collectors.joining(", ")) + ".");
		}
		UpgraderCommandLine line = new UpgraderCommandLine(named.get(), words);
		line.check();
		return Optional.of(line);
	}

	/**
	 * The line with every value-less flag spelled out as {@code --flag=true}.
	 * @return the completed line
	 */
	String completed() {
		return String.join(" ", this.completed);
	}

	/**
	 * Whether {@link #completed()} differs from the line as given.
	 * @return whether a flag was completed
	 */
	boolean hasCompletedFlags() {
		return !this.completed.equals(this.words);
	}

	private void check() {
		Map<String, CommandOption> options = this.command.getOptions()
			.stream()
			.flatMap((option) -> spellings(option).map((spelling) -> Map.entry(spelling, option)))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));
		List<String> arguments = new ArrayList<>();
		for (int i = nameOf(this.command).size(); i < this.words.size(); i++) {
			String word = this.words.get(i);
			if ("--".equals(word)) {
				arguments.addAll(this.words.subList(i + 1, this.words.size()));
				break;
			}
			if (!isOption(word)) {
				arguments.add(word);
				continue;
			}
			int equals = word.indexOf('=');
			String spelling = (equals > 0) ? word.substring(0, equals) : word;
			CommandOption option = options.get(spelling);
			if (option == null && !HELP.contains(spelling)) {
				throw new UpgraderCommandException("Unknown option " + spelling + " for " + this.command.getName()
						+ "; " + optionsOf(options) + ".");
			}
			if (option == null && equals < 0) {
				this.completed.set(i, spelling + "=true");
			}
			else if (option != null && equals < 0) {
				i = valueOf(option, spelling, i);
			}
		}
		int allowed = UpgraderCommands.ARGUMENTS.getOrDefault(this.command.getName(), 0);
		if (arguments.size() > allowed) {
			boolean takesValues = this.command.getOptions().stream().anyMatch((option) -> !isFlag(option));
			throw new UpgraderCommandException(
					"Unexpected argument " + arguments.get(allowed) + ": " + this.command.getName() + " takes "
							+ ((allowed == 0) ? "no arguments" : "only " + allowed + " argument(s)") + "."
							+ (takesValues ? " Quote an option value that has spaces, as in --name \"a b\"." : ""));
		}
	}

	/** Steps over the value of an option given without {@code =}. */
	private int valueOf(CommandOption option, String spelling, int at) {
		boolean hasNext = at + 1 < this.words.size();
		String next = hasNext ? this.words.get(at + 1) : "";
		if (isFlag(option)) {
			if (hasNext && ("true".equalsIgnoreCase(next) || "false".equalsIgnoreCase(next))) {
				return at + 1;
			}
			this.completed.set(at, spelling + "=true");
			return at;
		}
		if (!hasNext || isOption(next) || "--".equals(next)) {
			throw new UpgraderCommandException(
					"Option " + spelling + " of " + this.command.getName() + " needs a value: " + spelling + " VALUE.");
		}
		return at + 1;
	}

	private static String optionsOf(Map<String, CommandOption> options) {
		if (options.isEmpty()) {
			return "it takes no options";
		}
		return "its options are " + options.values()
			.stream()
			.distinct()
			.map((option) -> "--" + option.longName())
			.sorted()
			.collect(Collectors.joining(", "));
	}

	private static boolean isOption(String word) {
		return word.startsWith("-") && !"--".equals(word);
	}

	private static boolean isFlag(CommandOption option) {
		return option.type() == boolean.class || option.type() == Boolean.class;
	}

	private static Stream<String> spellings(CommandOption option) {
		return (option.shortName() == ' ') ? Stream.of("--" + option.longName())
				: Stream.of("--" + option.longName(), "-" + option.shortName());
	}

	private static List<String> nameOf(Command command) {
		return List.of(command.getName().split(" "));
	}

	private static boolean startsWith(List<String> words, List<String> prefix) {
		return words.size() >= prefix.size() && words.subList(0, prefix.size()).equals(prefix);
	}

}
