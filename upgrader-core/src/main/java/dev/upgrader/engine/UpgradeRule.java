package dev.upgrader.engine;

import java.util.List;

import dev.upgrader.CheckReport;

/**
 * One of the rules for writing upgrades, checked on the graph of the code.
 */
interface UpgradeRule {

	/**
	 * Checks the graph.
	 * @param graph the upgrades of the code
	 * @return one warning per breach, naming the upgrades involved, in a stable order
	 */
	List<CheckReport.Warning> check(UpgradeGraph graph);

}
