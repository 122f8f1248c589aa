package dev.upgrader;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the upgrade log.
 *
 * @param id the upgrade id
 * @param applied when the row was written (UTC)
 * @param kind whether the upgrade ran, was populated or was marked applied by hand
 * @param duration how long {@code doUpgrade} took, {@code null} when it did not run
 * @param appliedBy the host that wrote the row
 * @param info the first line of the upgrade's info at the time
 * @param checksum the upgrade's {@link Upgrade#checksum() checksum} when it was recorded,
 * {@code null} when it declared none (or the row predates checksums)
 * @since 0.1.0
 */
public record AppliedUpgrade(String id, Instant applied, Kind kind, @Nullable Duration duration, String appliedBy,
		String info, @Nullable String checksum) {

	/**
	 * Creates a row without a checksum.
	 * @param id the upgrade id
	 * @param applied when the row was written (UTC)
	 * @param kind how the row got there
	 * @param duration how long {@code doUpgrade} took, {@code null} when it did not run
	 * @param appliedBy the host that wrote the row
	 * @param info the first line of the upgrade's info at the time
	 */
	public AppliedUpgrade(String id, Instant applied, Kind kind, @Nullable Duration duration, String appliedBy,
			String info) {
		this(id, applied, kind, duration, appliedBy, info, null);
	}

	/**
	 * How a log row got there.
	 */
	public enum Kind {

		/** The upgrade ran. */
		RUN,

		/** The upgrade was recorded without running, for a freshly created database. */
		POPULATE,

		/** An admin recorded the upgrade as applied after doing its work by hand. */
		MANUAL,

		/**
		 * Recorded as in place by a baseline: the database was built without Upgrader up
		 * to this upgrade.
		 */
		BASELINE,

		/**
		 * A migration of another tool (Flyway) recorded under an upgrade id, so that new
		 * upgrades can depend on it; no upgrade of the code has this id.
		 */
		IMPORT

	}

}
