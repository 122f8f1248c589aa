package dev.upgrader;

import java.util.List;

/**
 * A run refused because applied upgrades changed after they were applied, under
 * {@code upgrader.on-changed-upgrade=fail}. Nothing ran.
 *
 * @since 0.1.0
 */
public class ChangedUpgradeException extends UpgraderException {

	private final List<ChangedUpgrade> changed;

	/**
	 * Creates the exception.
	 * @param message what went wrong, naming every changed upgrade
	 * @param changed the changed upgrades
	 */
	public ChangedUpgradeException(String message, List<ChangedUpgrade> changed) {
		super(message);
		this.changed = List.copyOf(changed);
	}

	/**
	 * The applied upgrades whose checksum differs from the one in the log.
	 * @return the changed upgrades
	 */
	public List<ChangedUpgrade> getChanged() {
		return this.changed;
	}

}
