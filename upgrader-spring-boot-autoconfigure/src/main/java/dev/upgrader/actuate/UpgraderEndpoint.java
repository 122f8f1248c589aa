package dev.upgrader.actuate;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderInfo;
import dev.upgrader.actuate.UpgraderDescriptor.AppliedDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.EdgeDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.GraphDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.LockDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.NodeDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.PendingDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.PlanDescriptor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The read-only {@code upgrader} actuator endpoint: applied upgrades, the pending ones in
 * run order with their estimates, ghost rows, the run under way and the last failure, and
 * the upgrade graph, all from {@link Upgrader#info()}.
 *
 * @since 0.1.0
 */
@Endpoint(id = "upgrader")
public class UpgraderEndpoint {

	private final Upgrader upgrader;

	private final UpgraderRunState state;

	/**
	 * Creates the endpoint.
	 * @param upgrader the facade to report on
	 * @param state the run state kept from the engine's events
	 */
	public UpgraderEndpoint(Upgrader upgrader, UpgraderRunState state) {
		this.upgrader = upgrader;
		this.state = state;
	}

	/**
	 * Reports on the upgrades of this application and its database.
	 * @return the report
	 */
	@ReadOperation
	public UpgraderDescriptor upgrader() {
		UpgraderInfo info = this.upgrader.info();
		return new UpgraderDescriptor(info.applied().stream().map(UpgraderEndpoint::applied).toList(), plan(info),
				info.ghosts(), info.failures(), this.state.current(), this.state.lastFailure(),
				this.state.lastSuccess(), new LockDescriptor(this.state.current() != null, info.lockHolder()),
				graph(info));
	}

	private static AppliedDescriptor applied(AppliedUpgrade row) {
		return new AppliedDescriptor(row.id(), row.applied(), row.kind(), millis(row.duration()), row.appliedBy(),
				row.info());
	}

	private static PlanDescriptor plan(UpgraderInfo info) {
		List<PendingDescriptor> upgrades = info.pending()
			.stream()
			.map((upgrade) -> new PendingDescriptor(upgrade.id(), upgrade.repository(), upgrade.title(),
					upgrade.estimate().toMillis(), upgrade.estimateSource(), upgrade.dependsOn()))
			.toList();
		return new PlanDescriptor(upgrades, PendingUpgrade.totalEstimate(info.pending()).toMillis(), info.problems());
	}

	private static GraphDescriptor graph(UpgraderInfo info) {
		List<NodeDescriptor> nodes = info.nodes()
			.stream()
			.map((node) -> new NodeDescriptor(node.id(), node.repository(), node.release(), state(node.status())))
			.toList();
		List<EdgeDescriptor> edges = info.edges()
			.stream()
			.map((edge) -> new EdgeDescriptor(edge.upgrade(), edge.dependsOn()))
			.toList();
		return new GraphDescriptor(nodes, edges);
	}

	private static NodeDescriptor.State state(UpgraderInfo.Status status) {
		return switch (status) {
			case APPLIED -> NodeDescriptor.State.APPLIED;
			case IMPLIED -> NodeDescriptor.State.IMPLIED;
			case PENDING -> NodeDescriptor.State.PENDING;
			case BLOCKED -> NodeDescriptor.State.BLOCKED;
		};
	}

	private static @Nullable Long millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

}
