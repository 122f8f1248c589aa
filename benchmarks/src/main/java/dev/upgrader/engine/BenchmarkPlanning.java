package dev.upgrader.engine;

import java.util.Collection;
import java.util.List;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeGraphException;

/**
 * Opens the package-private planning of the engine to the benchmarks: this class shares
 * the engine's package on the benchmarks' classpath only.
 *
 * @since 0.1.0
 */
public final class BenchmarkPlanning {

	private final TopologicalPlanner planner = new TopologicalPlanner();

	/**
	 * Builds and validates the graph of the upgrades and plans it against the applied
	 * ids, as the engine does before a run, without a database.
	 * @param code the upgrades of the code
	 * @param applied the ids of the log
	 * @return the pending upgrades in run order
	 * @throws UpgradeGraphException when the graph is invalid
	 */
	public List<?> plan(Collection<? extends Upgrade> code, Collection<String> applied) {
		return this.planner.plan(UpgradeGraph.of(code), applied).requireValid().pending();
	}

	/**
	 * Builds and plans as {@link #plan} does, returning everything a run holds while it
	 * works (the graph and the plan), so that the heap it retains can be measured.
	 * @param code the upgrades of the code
	 * @param applied the ids of the log
	 * @return an object that keeps the graph and the plan reachable
	 */
	public Object graphAndPlan(Collection<? extends Upgrade> code, Collection<String> applied) {
		UpgradeGraph graph = UpgradeGraph.of(code);
		return List.of(graph, this.planner.plan(graph, applied).requireValid());
	}

}
