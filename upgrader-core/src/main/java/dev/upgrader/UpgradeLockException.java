package dev.upgrader;

/**
 * The upgrade lock could not be taken in time or could not be used.
 *
 * @since 0.1.0
 */
public class UpgradeLockException extends UpgraderException {

	/**
	 * Creates the exception.
	 * @param message what went wrong
	 */
	public UpgradeLockException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message what went wrong
	 * @param cause the cause
	 */
	public UpgradeLockException(String message, Throwable cause) {
		super(message, cause);
	}

}
