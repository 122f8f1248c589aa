package dev.upgrader.shell;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Lets the {@code upgrader} commands take boolean flags without a value, as in
 * {@code upgrader run --yes-i-know}, and refuses an {@code upgrader} command line that
 * Spring Shell would misread (see {@link UpgraderCommandLine}).
 * <p>
 * Spring Shell 4.0.1's {@code DefaultCommandParser} decides whether a value-less option
 * is a flag by looking the options up on the first word only ({@code upgrader}), which is
 * no command, so it rejects every flag of a multi-word command with "requires a value".
 * This decorator spells such flags out as {@code --flag=true} before delegating; input
 * for any other command passes through untouched. A refused line fails to parse: the
 * interactive shell shows the message and goes on, a non-interactive run exits with
 * status 1.
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
		CommandRegistry commands = this.registry.getIfAvailable();
		if (commands == null) {
			return input;
		}
		List<String> words = CommandLineWords.split(input);
		Optional<UpgraderCommandLine> line = UpgraderCommandLine.read(words, commands.getCommands());
		return line.filter(UpgraderCommandLine::hasCompletedFlags).map(UpgraderCommandLine::completed).orElse(input);
	}

}
