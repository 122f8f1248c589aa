package dev.upgrader.engine;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrade;

/**
 * Plans the upgrades of the code against the rows of the log, without validating.
 */
final class LogPlanner {

	private final Supplier<? extends Collection<? extends Upgrade>> upgrades;

	private final UpgradeLog log;

	private final TopologicalPlanner planner = new TopologicalPlanner();

	LogPlanner(Supplier<? extends Collection<? extends Upgrade>> upgrades, UpgradeLog log) {
		this.upgrades = upgrades;
		this.log = log;
	}

	/** The graph of the upgrades of the code, asked for anew at each call. */
	UpgradeGraph graph() {
		return UpgradeGraph.of(this.upgrades.get());
	}

	/** Plans against the log, read now. */
	UpgradePlan plan() {
		return plan(graph(), this.log.read());
	}

	/** Plans a graph against the log, read now. */
	UpgradePlan plan(UpgradeGraph graph) {
		return plan(graph, this.log.read());
	}

	/** Plans a graph against log rows already read. */
	UpgradePlan plan(UpgradeGraph graph, List<AppliedUpgrade> rows) {
		return this.planner.plan(graph, ids(rows));
	}

	static Set<String> ids(List<AppliedUpgrade> rows) {
		Set<String> ids = new LinkedHashSet<>();
		rows.forEach((row) -> ids.add(row.id()));
		return ids;
	}

}
