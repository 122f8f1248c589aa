package dev.upgrader.engine;

import java.util.List;
import java.util.Set;

import dev.upgrader.UpgradeGraphException;

/**
 * The outcome of planning: the pending upgrades in run order, or the problems that forbid
 * running anything, and the ghosts of the log.
 *
 * @param pending the pending upgrades in run order; empty when there are problems
 * @param problems every problem found, each naming the upgrades involved
 * @param ghosts logged ids that no upgrade in the code has, sorted
 * @param done the ids that count as applied: the logged ones and, transitively, what they
 * depend on
 */
record UpgradePlan(List<UpgradeGraph.Node> pending, List<String> problems, List<String> ghosts, Set<String> done) {

	/**
	 * Whether the plan may run.
	 * @return {@code true} when no problem was found
	 */
	boolean isValid() {
		return this.problems.isEmpty();
	}

	/**
	 * Returns this plan when valid.
	 * @return this plan
	 * @throws UpgradeGraphException with every problem when not valid
	 */
	UpgradePlan requireValid() {
		if (!isValid()) {
			throw new UpgradeGraphException(this.problems);
		}
		return this;
	}

}
