package dev.upgrader;

import org.springframework.core.NestedExceptionUtils;

/**
 * An upgrade's {@code doUpgrade} failed. It was not recorded; the upgrades applied before
 * it in the same run stay recorded.
 *
 * @since 0.1.0
 */
public class UpgradeFailedException extends UpgraderException {

	private final String upgradeId;

	/**
	 * Creates the exception.
	 * @param upgradeId the failed upgrade
	 * @param detail what may have been left behind
	 * @param cause what the upgrade threw; the message names its root cause too
	 */
	public UpgradeFailedException(String upgradeId, String detail, Throwable cause) {
		super("Upgrade " + upgradeId + " failed: " + describe(cause) + ". " + detail, cause);
		this.upgradeId = upgradeId;
	}

	/**
	 * The cause's message followed by its root cause's, which holds the database's own
	 * reason that wrappers such as Spring's {@code BadSqlGrammarException} leave out.
	 */
	private static String describe(Throwable cause) {
		String message = messageOf(cause);
		Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
		String rootMessage = messageOf(root);
		return (root == cause || message.contains(rootMessage)) ? message : message + ": " + rootMessage;
	}

	private static String messageOf(Throwable failure) {
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName();
	}

	/**
	 * The failed upgrade.
	 * @return its id
	 */
	public String getUpgradeId() {
		return this.upgradeId;
	}

}
