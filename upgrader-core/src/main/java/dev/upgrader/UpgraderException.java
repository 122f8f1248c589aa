package dev.upgrader;

/**
 * Base class of the exceptions Upgrader throws.
 *
 * @since 0.1.0
 */
public class UpgraderException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what went wrong, naming the culprit
	 */
	public UpgraderException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message what went wrong, naming the culprit
	 * @param cause the cause
	 */
	public UpgraderException(String message, Throwable cause) {
		super(message, cause);
	}

}
