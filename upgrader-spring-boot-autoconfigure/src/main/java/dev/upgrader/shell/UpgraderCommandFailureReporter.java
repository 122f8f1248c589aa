package dev.upgrader.shell;

import java.io.PrintStream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;

/**
 * Reports a failed non-interactive {@code upgrader} command as one {@code ERROR:} line on
 * standard error instead of Spring Boot's "Application run failed" stack trace: the
 * operator needs the reason, not the call stack. Other failures are left to the next
 * reporter.
 * <p>
 * Registered in {@code META-INF/spring.factories}, so it is loaded even without Spring
 * Shell; it therefore names Shell's exception type only as a string.
 *
 * @since 0.1.0
 */
public class UpgraderCommandFailureReporter implements SpringBootExceptionReporter, Ordered {

	private static final String COMMAND_EXECUTION_EXCEPTION = "org.springframework.shell.core.command.CommandExecutionException";

	private static final String OUR_COMMAND_PREFIX = "Unable to execute command " + UpgraderCommands.GROUP_PREFIX;

	private final PrintStream err;

	/**
	 * Creates a reporter writing to {@link System#err}.
	 */
	public UpgraderCommandFailureReporter() {
		this(System.err);
	}

	UpgraderCommandFailureReporter(PrintStream err) {
		this.err = err;
	}

	@Override
	public boolean reportException(Throwable failure) {
		String message = message(failure);
		if (message == null) {
			return false;
		}
		this.err.println("ERROR: " + message);
		this.err.flush();
		return true;
	}

	private static @Nullable String message(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UpgraderCommandException) {
				return cause.getMessage();
			}
			if (isOurCommandExecution(cause)) {
				Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
				return (root != cause) ? cause.getMessage() + ": " + root.getMessage() : cause.getMessage();
			}
		}
		return null;
	}

	private static boolean isOurCommandExecution(Throwable cause) {
		String message = cause.getMessage();
		return COMMAND_EXECUTION_EXCEPTION.equals(cause.getClass().getName()) && message != null
				&& message.startsWith(OUR_COMMAND_PREFIX)
				&& !(NestedExceptionUtils.getMostSpecificCause(cause) instanceof UpgraderCommandException);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
