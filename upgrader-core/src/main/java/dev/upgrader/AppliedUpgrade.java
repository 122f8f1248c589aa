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
 * @since 0.1.0
 */
public record AppliedUpgrade(String id, Instant applied, Kind kind, @Nullable Duration duration, String appliedBy,
		String info) {

	/**
	 * How a log row got there.
	 */
	public enum Kind {

		/** The upgrade ran. */
		RUN,

		/** The upgrade was recorded without running, for a freshly created database. */
		POPULATE,

		/** An admin recorded the upgrade as applied after doing its work by hand. */
		MANUAL

	}

}
