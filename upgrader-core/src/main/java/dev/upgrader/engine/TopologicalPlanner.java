package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Computes which upgrades are pending and the order they run in.
 * <ol>
 * <li>An upgrade is pending unless it is in the log or is an ancestor (through
 * {@code dependsOn}, transitively) of an upgrade in the log: a logged upgrade implies
 * that everything it depends on is in place.</li>
 * <li>Every dependency of a pending upgrade must be an upgrade in the code or an applied
 * one; each violation is reported with the dependent and the unknown id.</li>
 * <li>The pending upgrades are ordered topologically (Kahn); among upgrades ready at the
 * same time the smallest id goes first, so every machine computes the same plan.</li>
 * </ol>
 */
final class TopologicalPlanner {

	/**
	 * Plans a run.
	 * @param graph the upgrades in the code
	 * @param applied the ids recorded in the log
	 * @return the plan, with every problem of the graph and of its dependencies
	 */
	UpgradePlan plan(UpgradeGraph graph, Collection<String> applied) {
		Set<String> done = graph.withAncestors(applied);
		boolean[] isDone = new boolean[graph.size()];
		int doneNodes = 0;
		for (String id : done) {
			int index = graph.indexOf(id);
			if (index != IdTable.ABSENT) {
				isDone[index] = true;
				doneNodes++;
			}
		}
		// Indexes, not nodes: ordering then reads no node until it lists the result
		// (#14).
		int[] pending = new int[graph.size() - doneNodes];
		int count = 0;
		for (int index = 0; index < isDone.length; index++) {
			if (!isDone[index]) {
				pending[count++] = index;
			}
		}
		List<String> problems = new ArrayList<>(graph.problems());
		problems.addAll(missingDependencies(graph, isDone, done));
		List<String> ghosts = applied.stream().filter((id) -> !graph.contains(id)).sorted().toList();
		if (!problems.isEmpty()) {
			return new UpgradePlan(List.of(), List.copyOf(problems), ghosts, done);
		}
		return new UpgradePlan(new PendingOrder(graph, pending, isDone).order(), List.of(), ghosts, done);
	}

	private List<String> missingDependencies(UpgradeGraph graph, boolean[] isDone, Set<String> done) {
		// Only the few upgrades with a problem are sorted, not every pending one (#6),
		// and only nodes with a dependency outside the graph can have one (#14).
		List<UpgradeGraph.Node> faulty = new ArrayList<>();
		for (int index : graph.unresolved()) {
			if (isDone[index]) {
				continue;
			}
			UpgradeGraph.Node node = graph.node(index);
			for (String dependency : node.dependsOn()) {
				if (isMissing(graph, done, dependency)) {
					faulty.add(node);
					break;
				}
			}
		}
		faulty.sort((a, b) -> a.id().compareTo(b.id()));
		List<String> problems = new ArrayList<>();
		for (UpgradeGraph.Node node : faulty) {
			for (String dependency : node.dependsOn()) {
				if (isMissing(graph, done, dependency)) {
					problems.add("Upgrade " + node.id() + " depends on an unknown upgrade " + dependency
							+ " (neither in the code nor in the log)");
				}
			}
		}
		return problems;
	}

	private static boolean isMissing(UpgradeGraph graph, Set<String> done, String dependency) {
		return !graph.contains(dependency) && !done.contains(dependency);
	}

}
