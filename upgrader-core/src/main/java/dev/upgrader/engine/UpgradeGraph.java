package dev.upgrader.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.upgrader.Upgrade;
import org.springframework.util.ClassUtils;

/**
 * The upgrades known to the code, keyed by id, with the structural problems found while
 * building it: malformed ids, duplicates, missing dependency lists and cycles. Problems
 * that depend on the log (missing dependencies) are found by the
 * {@link TopologicalPlanner}.
 *
 * @since 0.1.0
 */
public final class UpgradeGraph {

	private final Map<String, Node> nodes;

	private final List<String> problems;

	private UpgradeGraph(Map<String, Node> nodes, List<String> problems) {
		this.nodes = nodes;
		this.problems = problems;
	}

	/**
	 * Builds the graph of the given upgrades and validates its structure.
	 * @param upgrades the upgrades found in the code
	 * @return the graph, with every problem found
	 */
	public static UpgradeGraph of(Collection<? extends Upgrade> upgrades) {
		Map<String, Node> nodes = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (Upgrade upgrade : upgrades) {
			Node node = node(upgrade, problems);
			if (node == null) {
				continue;
			}
			Node existing = nodes.get(node.id().value());
			if (existing != null) {
				problems.add("Duplicate upgrade id " + node.id() + ": declared by " + className(existing.upgrade())
						+ " and by " + className(upgrade));
				continue;
			}
			nodes.put(node.id().value(), node);
		}
		problems.addAll(CycleFinder.cycles(nodes).stream().map(UpgradeGraph::describeCycle).toList());
		return new UpgradeGraph(Collections.unmodifiableMap(nodes), List.copyOf(problems));
	}

	/** Reads what the graph needs from an upgrade, reporting every broken member. */
	private static @Nullable Node node(Upgrade upgrade, List<String> problems) {
		String id;
		List<String> dependsOn;
		Duration estimate;
		try {
			id = upgrade.id();
			dependsOn = upgrade.dependsOn();
			estimate = upgrade.estimate();
		}
		catch (RuntimeException ex) {
			problems.add("Upgrade class " + className(upgrade) + " failed to describe itself: " + ex);
			return null;
		}
		if (id == null) {
			problems.add("Upgrade class " + className(upgrade) + " returns a null id()");
			return null;
		}
		int before = problems.size();
		UpgradeId parsed = null;
		try {
			parsed = UpgradeId.parse(id);
		}
		catch (InvalidUpgradeIdException ex) {
			problems.add(ex.getMessage() + " (class " + className(upgrade) + ")");
		}
		if (dependsOn == null) {
			problems.add("Upgrade " + id + " returns null from dependsOn(); return an empty list for a first upgrade");
		}
		else if (dependsOn.stream().anyMatch(Objects::isNull)) {
			problems.add("Upgrade " + id + " lists a null dependency in dependsOn()");
		}
		if (estimate == null || estimate.isNegative()) {
			problems.add("Upgrade " + id + " returns " + estimate + " from estimate(); return a positive duration");
		}
		return (problems.size() == before) ? new Node(parsed, upgrade, List.copyOf(dependsOn)) : null;
	}

	private static String describeCycle(List<String> cycle) {
		return "Dependency cycle: " + String.join(" -> ", cycle) + " (each depends on the next)";
	}

	private static String className(Upgrade upgrade) {
		return ClassUtils.getUserClass(upgrade).getName();
	}

	/**
	 * The structural problems: malformed ids, duplicate ids and cycles.
	 * @return one message per problem, naming the upgrades involved
	 */
	public List<String> problems() {
		return this.problems;
	}

	/**
	 * The upgrades with a well-formed, unique id, in discovery order.
	 * @return the nodes
	 */
	public Collection<Node> nodes() {
		return this.nodes.values();
	}

	/**
	 * Looks an upgrade up.
	 * @param id the upgrade id
	 * @return the node, or {@code null} when the code has no such upgrade
	 */
	public @Nullable Node get(String id) {
		return this.nodes.get(id);
	}

	/**
	 * Whether the code has an upgrade with this id.
	 * @param id the upgrade id
	 * @return {@code true} when known
	 */
	public boolean contains(String id) {
		return this.nodes.containsKey(id);
	}

	/**
	 * The ids that the given ids depend on, transitively, the given ids excluded unless
	 * they are themselves reached. Ids absent from the code are included but not
	 * followed.
	 * @param ids the starting ids
	 * @return the ancestors
	 */
	public Set<String> ancestorsOf(Collection<String> ids) {
		Set<String> ancestors = new HashSet<>();
		List<String> stack = new ArrayList<>(ids);
		while (!stack.isEmpty()) {
			Node node = this.nodes.get(stack.remove(stack.size() - 1));
			if (node != null) {
				for (String dependency : node.dependsOn()) {
					if (ancestors.add(dependency)) {
						stack.add(dependency);
					}
				}
			}
		}
		return ancestors;
	}

	/**
	 * The leaves of every repository: upgrades no other upgrade depends on. A new upgrade
	 * of a repository depends on its leaves; a release depends on the leaves of all.
	 * @return repository to its sorted leaf ids, repositories sorted by name
	 */
	public Map<String, List<String>> leavesByRepository() {
		Set<String> dependedOn = new HashSet<>();
		this.nodes.values().forEach((node) -> dependedOn.addAll(node.dependsOn()));
		Map<String, List<String>> leaves = new TreeMap<>();
		this.nodes.values()
			.stream()
			.filter((node) -> !dependedOn.contains(node.id().value()))
			.sorted((a, b) -> a.id().compareTo(b.id()))
			.forEach((node) -> leaves.computeIfAbsent(node.id().repository(), (key) -> new ArrayList<>())
				.add(node.id().value()));
		return leaves;
	}

	/**
	 * An upgrade of the graph.
	 *
	 * @param id the parsed id
	 * @param upgrade the upgrade
	 * @param dependsOn its dependencies, as declared
	 */
	public record Node(UpgradeId id, Upgrade upgrade, List<String> dependsOn) {

	}

}
