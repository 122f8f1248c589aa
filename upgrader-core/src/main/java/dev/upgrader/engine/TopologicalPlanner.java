package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
		List<UpgradeGraph.Node> pending = graph.nodes()
			.stream()
			.filter((node) -> !done.contains(node.id().value()))
			.toList();
		List<String> problems = new ArrayList<>(graph.problems());
		problems.addAll(missingDependencies(graph, pending, done));
		List<String> ghosts = applied.stream().filter((id) -> !graph.contains(id)).sorted().toList();
		if (!problems.isEmpty()) {
			return new UpgradePlan(List.of(), List.copyOf(problems), ghosts, done);
		}
		return new UpgradePlan(order(pending, done), List.of(), ghosts, done);
	}

	private List<String> missingDependencies(UpgradeGraph graph, List<UpgradeGraph.Node> pending, Set<String> done) {
		// Only the few upgrades with a problem are sorted, not every pending one (#6).
		List<UpgradeGraph.Node> faulty = new ArrayList<>();
		for (UpgradeGraph.Node node : pending) {
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

	private List<UpgradeGraph.Node> order(List<UpgradeGraph.Node> pending, Set<String> done) {
		Map<String, UpgradeGraph.Node> byId = new HashMap<>();
		Map<String, Integer> waitingFor = new HashMap<>();
		Map<String, List<String>> dependents = new HashMap<>();
		for (UpgradeGraph.Node node : pending) {
			String id = node.id().value();
			byId.put(id, node);
			int count = 0;
			for (String dependency : node.dependsOn()) {
				if (!done.contains(dependency)) {
					count++;
					dependents.computeIfAbsent(dependency, (key) -> new ArrayList<>()).add(id);
				}
			}
			waitingFor.put(id, count);
		}
		PriorityQueue<String> ready = new PriorityQueue<>();
		waitingFor.forEach((id, count) -> {
			if (count == 0) {
				ready.add(id);
			}
		});
		List<UpgradeGraph.Node> ordered = new ArrayList<>(pending.size());
		while (!ready.isEmpty()) {
			String id = ready.poll();
			ordered.add(byId.get(id));
			for (String dependent : dependents.getOrDefault(id, List.of())) {
				if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
					ready.add(dependent);
				}
			}
		}
		if (ordered.size() != pending.size()) {
			// The graph reports cycles before planning, so this only guards the
			// invariant.
			throw new IllegalStateException("Unordered upgrades remain although no cycle was reported");
		}
		return List.copyOf(ordered);
	}

}
