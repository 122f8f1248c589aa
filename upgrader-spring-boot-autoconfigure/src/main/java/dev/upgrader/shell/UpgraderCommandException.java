package dev.upgrader.shell;

import org.springframework.boot.ExitCodeGenerator;

/**
 * An {@code upgrader} command did not do what was asked. Its message is meant for the
 * operator as is: the interactive shell prints it and carries on; a non-interactive run
 * prints it without a stack trace and exits with status 1.
 * <p>
 * It deliberately carries no cause: Spring Shell prints the message of the deepest cause,
 * so the message must already say everything.
 *
 * @since 0.1.0
 */
public class UpgraderCommandException extends RuntimeException implements ExitCodeGenerator {

	/**
	 * Creates the exception.
	 * @param message what went wrong and, where possible, what to do about it
	 */
	public UpgraderCommandException(String message) {
		super(message);
	}

	@Override
	public int getExitCode() {
		return 1;
	}

}
