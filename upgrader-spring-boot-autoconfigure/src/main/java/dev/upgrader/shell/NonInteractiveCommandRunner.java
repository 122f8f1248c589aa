package dev.upgrader.shell;

import java.io.PrintWriter;

import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Runs the one command given as arguments, as Spring Shell 4.0.1's
 * {@code NonInteractiveShellRunner} does, but fails instead of only logging when the
 * command cannot be parsed, does not exist or ends with an error status: a script that
 * typed a command or an option wrong must not see exit status 0. The failure is an
 * {@link UpgraderCommandException}, reported as one {@code ERROR:} line, exit status 1.
 * <p>
 * The arguments are joined with {@link CommandLineWords#join}, so a value with spaces
 * stays one value. A script file ({@code @file}) is left to Shell's runner.
 */
final class NonInteractiveCommandRunner implements ShellRunner {

	private final ShellRunner scripts;

	private final CommandParser parser;

	private final CommandRegistry registry;

	private final PrintWriter out;

	/** Spring Shell's non-interactive runner has no input: reading throws. */
	private final InputReader noInput = new InputReader() {
	};

	NonInteractiveCommandRunner(ShellRunner scripts, CommandParser parser, CommandRegistry registry, PrintWriter out) {
		this.scripts = scripts;
		this.parser = parser;
		this.registry = registry;
		this.out = out;
	}

	@Override
	public void run(String[] args) throws Exception {
		if (args.length == 0 || args[0].startsWith("@")) {
			this.scripts.run(args);
			return;
		}
		String line = CommandLineWords.join(args);
		ParsedInput input = parse(line);
		ExitStatus status;
		try {
			status = new CommandExecutor(this.registry)
				.execute(new CommandContext(input, this.registry, this.out, this.noInput));
		}
		catch (CommandNotFoundException ex) {
			throw new UpgraderCommandException("Unknown command: " + line
					+ ". Run the application with the argument 'help' to list the commands.");
		}
		finally {
			this.out.flush();
		}
		if (status.code() != ExitStatus.OK.code()) {
			throw new UpgraderCommandException("Command " + line + " failed: " + status.description());
		}
	}

	private ParsedInput parse(String line) {
		try {
			return this.parser.parse(line);
		}
		catch (UpgraderCommandException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new UpgraderCommandException("Cannot parse the command " + line + ": " + ex.getMessage());
		}
	}

}
