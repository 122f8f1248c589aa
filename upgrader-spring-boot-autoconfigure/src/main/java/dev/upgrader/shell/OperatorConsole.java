package dev.upgrader.shell;

import java.io.PrintWriter;

import org.springframework.shell.core.InputReader;

/**
 * Talks to the operator at the shell: asks for the {@code Yes, I know!} confirmation and
 * answers the questions of an attended run. Spring Shell's non-interactive runner has no
 * input at all (reading throws {@link UnsupportedOperationException}): nobody can confirm
 * there, so the command is refused and {@code --yes-i-know} is the way forward.
 */
final class OperatorConsole {

	static final String CONFIRMATION = "Yes, I know!";

	private final PrintWriter out;

	private final InputReader in;

	OperatorConsole(PrintWriter out, InputReader in) {
		this.out = out;
		this.in = in;
	}

	/**
	 * Shows the warning and requires the confirmation sentence.
	 * @param warning what is about to happen
	 * @throws UpgraderCommandException when not confirmed
	 */
	void confirm(String warning) {
		String line = "*".repeat(warning.length() + 4);
		this.out.println(line);
		this.out.println("* " + warning + " *");
		this.out.println(line);
		this.out.flush();
		String answer;
		try {
			answer = this.in.readInput("Type '" + CONFIRMATION + "' to continue: ");
		}
		catch (UnsupportedOperationException ex) {
			throw new UpgraderCommandException(
					"Nobody can confirm in a non-interactive run: add --yes-i-know to proceed. Nothing was changed.");
		}
		catch (Exception ex) {
			throw new UpgraderCommandException("Aborted: no confirmation was given. Nothing was changed.");
		}
		if (answer == null || !CONFIRMATION.equals(answer.strip())) {
			throw new UpgraderCommandException(
					"Aborted: the answer was not '" + CONFIRMATION + "'. Nothing was changed.");
		}
	}

	/**
	 * Asks an upgrade's question; an empty or impossible answer means the default.
	 * @param question the question
	 * @param defaultAnswer the default answer
	 * @return the answer
	 */
	String ask(String question, String defaultAnswer) {
		try {
			String answer = this.in.readInput(question + " [" + defaultAnswer + "] ");
			return (answer == null || answer.isBlank()) ? defaultAnswer : answer.strip();
		}
		catch (Exception ex) {
			return defaultAnswer;
		}
	}

}
