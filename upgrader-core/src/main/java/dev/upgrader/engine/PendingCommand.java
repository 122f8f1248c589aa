package dev.upgrader.engine;

import java.util.List;

import dev.upgrader.PendingUpgrade;

/**
 * The {@code pending} read: the upgrades a run would apply, in run order, refusing an
 * invalid graph.
 */
final class PendingCommand {

	private final LogPlanner planner;

	private final PendingDescriptions descriptions;

	PendingCommand(LogPlanner planner, PendingDescriptions descriptions) {
		this.planner = planner;
		this.descriptions = descriptions;
	}

	List<PendingUpgrade> pending() {
		return this.descriptions.describe(this.planner.plan().requireValid().pending());
	}

}
