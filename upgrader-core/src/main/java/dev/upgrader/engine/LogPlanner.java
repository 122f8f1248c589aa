package dev.upgrader.engine;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrade;

/**
 * Plans the upgrades of the code against the rows of the log, without validating. An
 * empty log with a baseline configured plans as if the baseline were recorded, so that
 * {@code pending} and {@code check} show what the first run will do. Imported rows (kind
 * {@code import}) are never ghosts: no upgrade of the code was meant to have their ids.
 */
final class LogPlanner {

	private final Supplier<? extends Collection<? extends Upgrade>> upgrades;

	private final UpgradeLog log;

	private final RunSettings settings;

	private final TopologicalPlanner planner = new TopologicalPlanner();

	LogPlanner(Supplier<? extends Collection<? extends Upgrade>> upgrades, UpgradeLog log) {
		this(upgrades, log, new RunSettings());
	}

	LogPlanner(Supplier<? extends Collection<? extends Upgrade>> upgrades, UpgradeLog log, RunSettings settings) {
		this.upgrades = upgrades;
		this.log = log;
		this.settings = settings;
	}

	/** The graph of the upgrades of the code, asked for anew at each call. */
	UpgradeGraph graph() {
		return UpgradeGraph.of(this.upgrades.get());
	}

	/** The rows of the log, read now. */
	List<AppliedUpgrade> readLog() {
		return this.log.read();
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
		String baseline = this.settings.baseline();
		if (rows.isEmpty() && baseline != null) {
			if (!graph.contains(baseline)) {
				return new UpgradePlan(List.of(), List.of("upgrader.baseline names " + baseline
						+ ", which is not an upgrade of the code: give the id of the upgrade the database is at"),
						List.of(), Set.of());
			}
			return this.planner.plan(graph, Set.of(baseline));
		}
		UpgradePlan plan = this.planner.plan(graph, ids(rows));
		if (plan.ghosts().isEmpty() || rows.stream().noneMatch(LogPlanner::imported)) {
			return plan;
		}
		Set<String> imported = new LinkedHashSet<>();
		rows.stream().filter(LogPlanner::imported).forEach((row) -> imported.add(row.id()));
		return new UpgradePlan(plan.pending(), plan.problems(),
				plan.ghosts().stream().filter((ghost) -> !imported.contains(ghost)).toList(), plan.done());
	}

	/** Plans every upgrade of the graph, as against an empty log. */
	UpgradePlan planFromScratch(UpgradeGraph graph) {
		return this.planner.plan(graph, Set.of());
	}

	static Set<String> ids(List<AppliedUpgrade> rows) {
		Set<String> ids = new LinkedHashSet<>();
		rows.forEach((row) -> ids.add(row.id()));
		return ids;
	}

	private static boolean imported(AppliedUpgrade row) {
		return row.kind() == AppliedUpgrade.Kind.IMPORT;
	}

}
