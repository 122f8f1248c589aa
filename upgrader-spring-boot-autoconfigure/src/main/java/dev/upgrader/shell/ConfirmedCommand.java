package dev.upgrader.shell;

import java.io.PrintWriter;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.springframework.shell.core.command.CommandContext;

/**
 * A command that writes to the log without running upgrades: it asks the operator to
 * confirm unless given {@code --yes-i-know}, turns the upgrader's failures into command
 * errors and prints what it did.
 */
final class ConfirmedCommand {

	private final CommandContext context;

	private final boolean yesIKnow;

	ConfirmedCommand(CommandContext context, boolean yesIKnow) {
		this.context = context;
		this.yesIKnow = yesIKnow;
	}

	<T> void run(String warning, Supplier<T> action, BiConsumer<PrintWriter, T> report) {
		PrintWriter out = this.context.outputWriter();
		try {
			if (!this.yesIKnow) {
				new OperatorConsole(out, this.context.inputReader()).confirm(warning);
			}
			report.accept(out, UpgraderFailures.translate(action));
		}
		finally {
			out.flush();
		}
	}

}
