package dev.upgrader.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.actuate.UpgraderDescriptor.AppliedDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.EdgeDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.GraphDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.LockDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.NodeDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.PendingDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.PlanDescriptor;
import dev.upgrader.engine.UpgradeEngine;
import dev.upgrader.engine.UpgradeGraph;
import dev.upgrader.engine.UpgradePlan;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The read-only {@code upgrader} actuator endpoint: applied upgrades, the pending ones in
 * run order with their estimates, ghost rows, the run under way and the last failure, and
 * the upgrade graph.
 *
 * @since 0.1.0
 */
@Endpoint(id = "upgrader")
public class UpgraderEndpoint {

	private final UpgradeEngine engine;

	private final UpgraderRunState state;

	/**
	 * Creates the endpoint.
	 * @param engine the engine to report on
	 * @param state the run state kept from the engine's events
	 */
	public UpgraderEndpoint(UpgradeEngine engine, UpgraderRunState state) {
		this.engine = engine;
		this.state = state;
	}

	/**
	 * Reports on the upgrades of this application and its database.
	 * @return the report
	 */
	@ReadOperation
	public UpgraderDescriptor upgrader() {
		List<AppliedUpgrade> applied = this.engine.applied();
		UpgradeGraph graph = this.engine.graph();
		UpgradePlan plan = this.engine.plan(graph, applied);
		List<PendingUpgrade> pending = this.engine.pending(plan.pending());
		return new UpgraderDescriptor(applied.stream().map(UpgraderEndpoint::applied).toList(), plan(pending, plan),
				plan.ghosts(), this.engine.failures(), this.state.current(), this.state.lastFailure(),
				this.state.lastSuccess(),
				new LockDescriptor(this.state.current() != null, this.engine.lockHolder().orElse(null)),
				graph(graph, applied, pending));
	}

	private static AppliedDescriptor applied(AppliedUpgrade row) {
		return new AppliedDescriptor(row.id(), row.applied(), row.kind(), millis(row.duration()), row.appliedBy(),
				row.info());
	}

	private static PlanDescriptor plan(List<PendingUpgrade> pending, UpgradePlan plan) {
		List<PendingDescriptor> upgrades = pending.stream()
			.map((upgrade) -> new PendingDescriptor(upgrade.id(), upgrade.repository(), upgrade.title(),
					upgrade.estimate().toMillis(), upgrade.estimateSource(), upgrade.dependsOn()))
			.toList();
		return new PlanDescriptor(upgrades, PendingUpgrade.totalEstimate(pending).toMillis(), plan.problems());
	}

	private static GraphDescriptor graph(UpgradeGraph graph, List<AppliedUpgrade> applied,
			List<PendingUpgrade> pending) {
		Set<String> logged = new HashSet<>();
		applied.forEach((row) -> logged.add(row.id()));
		Set<String> implied = graph.ancestorsOf(logged);
		Set<String> planned = new HashSet<>();
		pending.forEach((upgrade) -> planned.add(upgrade.id()));
		List<NodeDescriptor> nodes = new ArrayList<>();
		List<EdgeDescriptor> edges = new ArrayList<>();
		for (UpgradeGraph.Node node : graph.nodes()) {
			String id = node.id().value();
			nodes.add(new NodeDescriptor(id, node.id().repository(), node.id().release(),
					state(id, logged, implied, planned)));
			node.dependsOn().forEach((dependency) -> edges.add(new EdgeDescriptor(id, dependency)));
		}
		return new GraphDescriptor(nodes, edges);
	}

	private static NodeDescriptor.State state(String id, Set<String> logged, Set<String> implied, Set<String> planned) {
		if (logged.contains(id)) {
			return NodeDescriptor.State.APPLIED;
		}
		if (implied.contains(id)) {
			return NodeDescriptor.State.IMPLIED;
		}
		return planned.contains(id) ? NodeDescriptor.State.PENDING : NodeDescriptor.State.BLOCKED;
	}

	private static @Nullable Long millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

}
