package dev.upgrader;

import org.jspecify.annotations.Nullable;

/**
 * An applied upgrade whose {@link Upgrade#checksum() checksum} differs from the one the
 * log recorded: its code changed after it was applied, which the rule "no fiddling"
 * forbids. Review the change, then record the new checksum with
 * {@link Upgrader#acceptChange(String)}, or revert it and write a new upgrade instead.
 *
 * @param id the upgrade id
 * @param recorded the checksum in the log
 * @param current the checksum the code declares now, {@code null} when it declares none
 * any more
 * @since 0.1.0
 */
public record ChangedUpgrade(String id, String recorded, @Nullable String current) {

	/**
	 * One line for logs and reports, naming the upgrade and the way out.
	 * @return the description
	 */
	public String describe() {
		return "Upgrade " + this.id + " changed after it was applied: the log recorded checksum " + this.recorded
				+ ", the code now has " + ((this.current != null) ? this.current : "none")
				+ ". Revert the change and write a new upgrade, or after review record it with 'upgrader accept-change "
				+ this.id + " --yes-i-know'";
	}

}
