package dev.upgrader.engine;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.UpgraderException;

/**
 * The {@code mark-applied} command: records one upgrade as applied by hand and clears its
 * failure, under the lock. It refuses an upgrade whose dependencies are not applied.
 */
final class MarkAppliedCommand {

	private static final Log logger = LogFactory.getLog(MarkAppliedCommand.class);

	private final LogPlanner planner;

	private final UpgradeLog log;

	private final UpgradeLock lock;

	private final InPlaceRows rows;

	MarkAppliedCommand(LogPlanner planner, UpgradeLog log, UpgradeLock lock, InPlaceRows rows) {
		this.planner = planner;
		this.log = log;
		this.lock = lock;
		this.rows = rows;
	}

	void markApplied(@Nullable String id) {
		if (id == null || id.isBlank()) {
			throw new UpgraderException("Give the id of the upgrade to mark applied");
		}
		try (UpgradeLock.Held held = this.lock.acquire()) {
			UpgradeGraph graph = this.planner.graph();
			UpgradeGraph.Node node = graph.get(id);
			if (node == null) {
				throw new UpgraderException("Cannot mark " + id + " applied: the code has no upgrade with that id");
			}
			Set<String> applied = LogPlanner.ids(this.log.read());
			if (applied.contains(id)) {
				throw new UpgraderException("Cannot mark " + id + " applied: it is already in the log");
			}
			requireDependenciesApplied(graph, id, applied);
			List<AppliedUpgrade> rows = List
				.of(this.rows.row(id, node.upgrade(), Instant.now(), AppliedUpgrade.Kind.MANUAL));
			this.rows.record(held, rows, () -> this.log.clearFailure(id));
			logger.info("Marked " + id + " applied by hand.");
		}
	}

	/**
	 * A logged upgrade implies that everything it depends on is in place, so recording
	 * one whose dependencies are pending would drop them from every later plan.
	 */
	private static void requireDependenciesApplied(UpgradeGraph graph, String id, Set<String> applied) {
		Set<String> done = graph.withAncestors(applied);
		List<String> pending = graph.withAncestors(List.of(id))
			.stream()
			.filter((dependency) -> !dependency.equals(id) && graph.contains(dependency) && !done.contains(dependency))
			.sorted()
			.toList();
		if (!pending.isEmpty()) {
			throw new UpgraderException("Cannot mark " + id + " applied: it depends on " + pending.size()
					+ " upgrade(s) not applied yet: " + String.join(", ", pending)
					+ ". Recording it would drop them from the plan for good, as a recorded upgrade implies its"
					+ " dependencies. Apply them first, or mark each of them applied, dependencies first.");
		}
	}

}
