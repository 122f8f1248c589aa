package dev.upgrader;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Callbacks on what the engine does; metrics and progress displays implement it. Every
 * method has a no-op default. Listeners are called on the thread that runs the upgrades
 * and must not throw.
 *
 * @since 0.1.0
 */
public interface UpgradeListener {

	/**
	 * The lock was acquired.
	 * @param waited how long acquiring it took
	 */
	default void lockAcquired(Duration waited) {
	}

	/**
	 * The plan of a run is known and its pre-checks passed.
	 * @param plan the upgrades about to be applied, in order
	 */
	default void runStarting(List<PendingUpgrade> plan) {
	}

	/**
	 * An upgrade is about to run.
	 * @param upgrade the upgrade
	 * @param index its position in the plan, from 1
	 * @param total the size of the plan
	 */
	default void upgradeStarting(PendingUpgrade upgrade, int index, int total) {
	}

	/**
	 * An upgrade ran and was recorded.
	 * @param upgrade the upgrade
	 * @param took how long it took
	 */
	default void upgradeApplied(PendingUpgrade upgrade, Duration took) {
	}

	/**
	 * An upgrade threw; it was not recorded and the run stops.
	 * @param upgrade the upgrade
	 * @param took how long it ran
	 * @param failure what it threw
	 */
	default void upgradeFailed(PendingUpgrade upgrade, Duration took, Throwable failure) {
	}

	/**
	 * A run finished, successfully or not.
	 * @param result what was applied; on failure, what was applied before it
	 * @param failure the failure, or {@code null} on success
	 */
	default void runFinished(RunResult result, @Nullable Throwable failure) {
	}

	/**
	 * Upgrades were recorded as applied without running.
	 * @param ids the ids written
	 */
	default void populated(List<String> ids) {
	}

	/**
	 * An operator's command recorded upgrades as applied without running them (for
	 * example {@code mark-applied}); populate reports through {@link #populated(List)}.
	 * @param rows the log rows written
	 */
	default void recorded(List<AppliedUpgrade> rows) {
	}

}
