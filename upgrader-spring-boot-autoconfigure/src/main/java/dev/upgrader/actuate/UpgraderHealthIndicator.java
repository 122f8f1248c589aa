package dev.upgrader.actuate;

import java.util.List;

import dev.upgrader.PendingUpgrade;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.Upgrader;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the database's upgrades:
 * <ul>
 * <li>{@code DOWN} when the graph is invalid or this process's last run failed: the
 * database does not match the code and an operator must act;</li>
 * <li>{@code OUT_OF_SERVICE} while upgrades are pending, running or not: an expected,
 * temporary state in which the application should not serve, as Spring Boot's readiness
 * reports REFUSING_TRAFFIC;</li>
 * <li>{@code UP} otherwise.</li>
 * </ul>
 * The details name the pending upgrades, the run under way and the last failure.
 *
 * @since 0.1.0
 */
public class UpgraderHealthIndicator extends AbstractHealthIndicator {

	private final Upgrader upgrader;

	private final UpgraderRunState state;

	/**
	 * Creates the indicator.
	 * @param upgrader the facade to ask for pending upgrades
	 * @param state the run state kept from the engine's events
	 */
	public UpgraderHealthIndicator(Upgrader upgrader, UpgraderRunState state) {
		super("Upgrader health check failed");
		this.upgrader = upgrader;
		this.state = state;
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
		builder.withDetail("pending", pending.size());
		if (!pending.isEmpty()) {
			builder.withDetail("pendingUpgrades", pending.stream().map(PendingUpgrade::id).toList())
				.withDetail("totalEstimateMillis", PendingUpgrade.totalEstimate(pending).toMillis());
		}
		if (failure == null) {
			builder.status(pending.isEmpty() ? Status.UP : Status.OUT_OF_SERVICE);
		}
	}

}
