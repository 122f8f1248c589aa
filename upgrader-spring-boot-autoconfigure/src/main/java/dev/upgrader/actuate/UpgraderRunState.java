package dev.upgrader.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.UpgradeListener;

/**
 * Remembers, from the engine's events, the run under way in this process, the last
 * failure and the last success, for the endpoint and the health indicator. A successful
 * run clears the last failure.
 *
 * @since 0.1.0
 */
public class UpgraderRunState implements UpgradeListener {

	private volatile @Nullable Run current;

	private volatile @Nullable Failure lastFailure;

	private volatile @Nullable Instant lastSuccess;

	/**
	 * The run under way in this process, which holds the upgrade lock.
	 * @return the run, or {@code null} when none is
	 */
	public @Nullable Run current() {
		return this.current;
	}

	/**
	 * The failure of the last run, unless a successful run followed it.
	 * @return the failure, or {@code null}
	 */
	public @Nullable Failure lastFailure() {
		return this.lastFailure;
	}

	/**
	 * When the last successful run of this process ended.
	 * @return the time, or {@code null} before any
	 */
	public @Nullable Instant lastSuccess() {
		return this.lastSuccess;
	}

	@Override
	public void lockAcquired(Duration waited) {
		this.current = new Run(Instant.now(), null, 0, 0);
	}

	@Override
	public void upgradeStarting(PendingUpgrade upgrade, int index, int total) {
		Run run = this.current;
		this.current = new Run((run != null) ? run.started() : Instant.now(), upgrade.id(), index, total);
	}

	@Override
	public void runFinished(RunResult result, @Nullable Throwable failure) {
		this.current = null;
		if (failure == null) {
			this.lastFailure = null;
			this.lastSuccess = Instant.now();
		}
		else {
			String upgrade = (failure instanceof UpgradeFailedException failed) ? failed.getUpgradeId() : null;
			this.lastFailure = new Failure(Instant.now(), upgrade, String.valueOf(failure.getMessage()),
					failure.getClass().getName(), result.applied());
		}
	}

	/**
	 * A run under way.
	 *
	 * @param started when this process got the lock
	 * @param upgrade the upgrade being applied, or {@code null} before the first one
	 * @param index its position in the plan, from 1 (0 before the first)
	 * @param total the size of the plan (0 before it is known)
	 */
	public record Run(Instant started, @Nullable String upgrade, int index, int total) {

	}

	/**
	 * A failed run.
	 *
	 * @param at when the run ended
	 * @param upgrade the upgrade whose {@code doUpgrade} failed, or {@code null} when the
	 * run failed outside one (invalid graph, pre- or post-checks, lock)
	 * @param message the failure's message
	 * @param type the failure's class
	 * @param appliedBeforeFailure the upgrades the run applied before it failed
	 */
	public record Failure(Instant at, @Nullable String upgrade, String message, String type,
			List<String> appliedBeforeFailure) {

	}

}
