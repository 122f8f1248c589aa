package dev.upgrader.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.UpgraderInfo;

/**
 * The {@code info} command: the graph, the log and the plan at one moment, the log read
 * once.
 */
final class InfoCommand {

	private final LogPlanner planner;

	private final UpgradeLog log;

	private final UpgradeLock lock;

	private final PendingDescriptions descriptions;

	InfoCommand(LogPlanner planner, UpgradeLog log, UpgradeLock lock, PendingDescriptions descriptions) {
		this.planner = planner;
		this.log = log;
		this.lock = lock;
		this.descriptions = descriptions;
	}

	UpgraderInfo info() {
		List<AppliedUpgrade> applied = this.log.read();
		UpgradeGraph graph = this.planner.graph();
		UpgradePlan plan = this.planner.plan(graph, applied);
		List<PendingUpgrade> pending = this.descriptions.describe(plan.pending());
		Set<String> logged = LogPlanner.ids(applied);
		Set<String> planned = new HashSet<>();
		pending.forEach((upgrade) -> planned.add(upgrade.id()));
		List<UpgraderInfo.Node> nodes = graph.nodes()
			.stream()
			.map((node) -> new UpgraderInfo.Node(node.id().value(), node.id().repository(), node.id().release(),
					PendingDescriptions.title(node.upgrade()), node.dependsOn(),
					status(node.id().value(), logged, plan.done(), planned)))
			.toList();
		return new UpgraderInfo(nodes, applied, pending, plan.ghosts(), this.log.failures(),
				this.lock.holder().orElse(null), plan.problems(), ChangedUpgrades.find(graph, applied));
	}

	private static UpgraderInfo.Status status(String id, Set<String> logged, Set<String> done, Set<String> planned) {
		if (logged.contains(id)) {
			return UpgraderInfo.Status.APPLIED;
		}
		if (done.contains(id)) {
			return UpgraderInfo.Status.IMPLIED;
		}
		return planned.contains(id) ? UpgraderInfo.Status.PENDING : UpgraderInfo.Status.BLOCKED;
	}

}
