package dev.upgrader;

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
	 * @param cause what the upgrade threw
	 */
	public UpgradeFailedException(String upgradeId, String detail, Throwable cause) {
		super("Upgrade " + upgradeId + " failed: " + cause.getMessage() + ". " + detail, cause);
		this.upgradeId = upgradeId;
	}

	/**
	 * The failed upgrade.
	 * @return its id
	 */
	public String getUpgradeId() {
		return this.upgradeId;
	}

}
