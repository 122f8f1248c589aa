package dev.upgrader.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.upgrader.PendingUpgrade;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the database's upgrades:
 * <ul>
 * <li>{@code DOWN} when the graph is invalid or this process's last run failed: the
 * database does not match the code and an operator must act;</li>
 * <li>{@code OUT_OF_SERVICE} while a run of this process applies upgrades: the schema is
 * changing under the application;</li>
 * <li>the pending status ({@code UP} unless configured otherwise) while upgrades are
 * pending and no run applies them, e.g. with auto-run off until an admin runs them;</li>
 * <li>{@code UP} otherwise.</li>
 * </ul>
 * The details count the pending upgrades and name them, the run under way, the last
 * failure and who holds the upgrade lock.
 *
 * @since 0.1.0
 */
public class UpgraderHealthIndicator extends AbstractHealthIndicator {

	private final Upgrader upgrader;

	private final UpgraderRunState state;

	private final Status pendingStatus;

	/**
	 * Creates an indicator that stays {@code UP} while upgrades are pending.
	 * @param upgrader the facade to ask for pending upgrades
	 * @param state the run state kept from the engine's events
	 */
	public UpgraderHealthIndicator(Upgrader upgrader, UpgraderRunState state) {
		this(upgrader, state, Status.UP);
	}

	/**
	 * Creates the indicator.
	 * @param upgrader the facade to ask for pending upgrades
	 * @param state the run state kept from the engine's events
	 * @param pendingStatus the status while upgrades are pending and no run of this
	 * process applies them
	 */
	public UpgraderHealthIndicator(Upgrader upgrader, UpgraderRunState state, Status pendingStatus) {
		super("Upgrader health check failed");
		this.upgrader = upgrader;
		this.state = state;
		this.pendingStatus = pendingStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		UpgraderRunState.Run running = this.state.current();
		if (running != null) {
			builder.withDetail("running", running);
		}
		UpgraderRunState.Failure failure = this.state.lastFailure();
		if (failure != null) {
			builder.down().withDetail("lastFailure", failure);
		}
		List<PendingUpgrade> pending;
		try {
			pending = this.upgrader.pending();
		}
		catch (UpgradeGraphException ex) {
			builder.down().withDetail("problems", ex.getProblems());
			return;
		}
		lockDetail(builder);
		builder.withDetail("pending", pending.size());
		if (!pending.isEmpty()) {
			builder.withDetail("pendingUpgrades", pending.stream().map(PendingUpgrade::id).toList())
				.withDetail("totalEstimateMillis", PendingUpgrade.totalEstimate(pending).toMillis());
		}
		if (failure == null) {
			builder.status(status(pending, running));
		}
	}

	/**
	 * Who holds the lock (with a lease, until when), so a start-up that waits for it can
	 * be told from one that hangs; a database that cannot tell does not make health down.
	 */
	private void lockDetail(Health.Builder builder) {
		try {
			this.upgrader.lockHolder().ifPresent((holder) -> builder.withDetail("lock", holder));
		}
		catch (UpgraderException ex) {
			builder.withDetail("lock", "unknown: " + ex.getMessage());
		}
	}

	private Status status(List<PendingUpgrade> pending, UpgraderRunState.@Nullable Run running) {
		if (pending.isEmpty()) {
			return Status.UP;
		}
		return (running != null) ? Status.OUT_OF_SERVICE : this.pendingStatus;
	}

}
