package dev.upgrader.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.upgrader.InvalidUpgradeIdException;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeId;
import org.springframework.util.ClassUtils;

/**
 * The upgrades known to the code, keyed by id, with the structural problems found while
 * building it: malformed ids, duplicates, missing dependency lists and cycles. Problems
 * that depend on the log (missing dependencies) are found by the
 * {@link TopologicalPlanner}.
 */
final class UpgradeGraph {

	/** The length of the log's {@code upgrade} column. */
	static final int MAX_ID_LENGTH = 255;

	private final IdTable ids;

	private final List<Node> nodes;

	private final Successors successors;

	private final List<String> problems;

	private UpgradeGraph(IdTable ids, Node[] indexed, Successors successors, List<String> problems) {
		this.ids = ids;
		this.nodes = Collections.unmodifiableList(Arrays.asList(indexed));
		this.successors = successors;
		this.problems = problems;
	}

	/**
	 * Builds the graph of the given upgrades and validates its structure.
	 * @param upgrades the upgrades found in the code
	 * @return the graph, with every problem found
	 */
	static UpgradeGraph of(Collection<? extends Upgrade> upgrades) {
		IdTable ids = new IdTable(upgrades.size());
		Successors.Builder rows = new Successors.Builder(ids, upgrades.size());
		Node[] indexed = new Node[upgrades.size()];
		int size = 0;
		List<String> problems = new ArrayList<>();
		for (Upgrade upgrade : upgrades) {
			Node node = node(upgrade, size, problems);
			if (node == null) {
				continue;
			}
			int existing = ids.putIfAbsent(node.id().value(), size);
			if (existing != IdTable.ABSENT) {
				problems.add("Duplicate upgrade id " + node.id() + ": declared by "
						+ className(indexed[existing].upgrade()) + " and by " + className(upgrade));
				continue;
			}
			indexed[size++] = node;
			rows.add(node.dependsOn());
		}
		if (size != indexed.length) {
			indexed = Arrays.copyOf(indexed, size);
		}
		Successors successors = rows.build(indexed);
		problems
			.addAll(CycleFinder.cycles(ids, indexed, successors).stream().map(UpgradeGraph::describeCycle).toList());
		return new UpgradeGraph(ids, indexed, successors, List.copyOf(problems));
	}

	/** Reads what the graph needs from an upgrade, reporting every broken member. */
	private static @Nullable Node node(Upgrade upgrade, int index, List<String> problems) {
		String id;
		String again;
		List<String> dependsOn;
		Duration estimate;
		try {
			id = upgrade.id();
			again = upgrade.id();
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
		if (!id.equals(again)) {
			// The log row would not name the upgrade the plan ran, and it would run
			// again.
			problems.add("Upgrade class " + className(upgrade) + " returns a different id() at each call (" + id
					+ ", then " + again + "): return a constant");
			return null;
		}
		int before = problems.size();
		UpgradeId parsed = null;
		if (id.length() > MAX_ID_LENGTH) {
			// Longer ids would fail the log's INSERT after the upgrade ran, or be
			// truncated
			// by a lenient database and never match again (#11).
			problems.add("Invalid upgrade id '" + id.substring(0, 40) + "…' (" + id.length() + " characters, class "
					+ className(upgrade) + "): the log's upgrade column holds at most " + MAX_ID_LENGTH
					+ " characters; shorten the name");
		}
		else {
			try {
				parsed = UpgradeId.parse(id);
			}
			catch (InvalidUpgradeIdException ex) {
				problems.add(ex.getMessage() + " (class " + className(upgrade) + ")");
			}
		}
		if (dependsOn == null) {
			problems.add("Upgrade " + id + " returns null from dependsOn(); return an empty list for a first upgrade");
		}
		else if (hasNull(dependsOn)) {
			problems.add("Upgrade " + id + " lists a null dependency in dependsOn()");
		}
		if (estimate == null || estimate.isNegative()) {
			problems.add("Upgrade " + id + " returns " + estimate + " from estimate(); return a positive duration");
		}
		return (problems.size() == before) ? new Node(parsed, upgrade, List.copyOf(dependsOn), index) : null;
	}

	private static boolean hasNull(List<String> dependsOn) {
		for (String dependency : dependsOn) {
			if (dependency == null) {
				return true;
			}
		}
		return false;
	}

	private static String describeCycle(List<String> cycle) {
		return "Dependency cycle: " + String.join(" -> ", cycle) + " (each depends on the next)";
	}

	/** The class of an upgrade, or for an SQL upgrade its file. */
	private static String className(Upgrade upgrade) {
		if (upgrade instanceof SqlUpgrade sql) {
			return "SQL file " + sql.file();
		}
		return ClassUtils.getUserClass(upgrade).getName();
	}

	/**
	 * The structural problems: malformed ids, duplicate ids and cycles.
	 * @return one message per problem, naming the upgrades involved
	 */
	List<String> problems() {
		return this.problems;
	}

	/**
	 * The upgrades with a well-formed, unique id, in discovery order.
	 * @return the nodes
	 */
	List<Node> nodes() {
		return this.nodes;
	}

	/**
	 * How many nodes the graph has; their indexes run from 0 in discovery order.
	 * @return the number of nodes
	 */
	int size() {
		return this.nodes.size();
	}

	/**
	 * The node at an index.
	 * @param index from 0 to {@link #size()} (exclusive)
	 * @return the node
	 */
	Node node(int index) {
		return this.nodes.get(index);
	}

	/**
	 * The dependencies of the nodes that are nodes of this graph.
	 * @return them, as indexes
	 */
	Successors successors() {
		return this.successors;
	}

	/**
	 * Looks an upgrade up.
	 * @param id the upgrade id
	 * @return the node, or {@code null} when the code has no such upgrade
	 */
	@Nullable Node get(String id) {
		int index = this.ids.indexOf(id);
		return (index != IdTable.ABSENT) ? this.nodes.get(index) : null;
	}

	/**
	 * The index of an upgrade.
	 * @param id the upgrade id
	 * @return its index, or {@link IdTable#ABSENT} when the code has no such upgrade
	 */
	int indexOf(String id) {
		return this.ids.indexOf(id);
	}

	/**
	 * Compares the ids of two nodes as {@link UpgradeId#compareTo} does, mostly without
	 * reading them.
	 * @param a the index of one node
	 * @param b the index of another
	 * @return negative, zero or positive as node {@code a}'s id sorts before, with or
	 * after node {@code b}'s
	 */
	int compare(int a, int b) {
		return this.ids.compare(a, b);
	}

	/**
	 * The nodes with a dependency that is no node of this graph, which only the log can
	 * know: the rest need no check for unknown dependencies.
	 * @return their indexes, ascending; callers must not modify the array
	 */
	int[] unresolved() {
		return this.successors.unresolved();
	}

	/**
	 * Whether the code has an upgrade with this id.
	 * @param id the upgrade id
	 * @return {@code true} when known
	 */
	boolean contains(String id) {
		return this.ids.indexOf(id) != IdTable.ABSENT;
	}

	/**
	 * The given ids and every id they depend on, transitively, in one set: when nearly
	 * everything is applied, as at a no-op start, almost no dependency needs following
	 * and no second set is built (#6). Ids absent from the code are included but not
	 * followed.
	 * @param ids the starting ids
	 * @return the ids with their ancestors
	 */
	Set<String> withAncestors(Collection<String> ids) {
		Set<String> reached = new HashSet<>(ids);
		Deque<String> stack = new ArrayDeque<>(reached);
		while (!stack.isEmpty()) {
			Node node = get(stack.pop());
			if (node != null) {
				for (String dependency : node.dependsOn()) {
					if (reached.add(dependency)) {
						stack.push(dependency);
					}
				}
			}
		}
		return reached;
	}

	/**
	 * An upgrade of the graph.
	 *
	 * @param id the parsed id
	 * @param upgrade the upgrade
	 * @param dependsOn its dependencies, as declared
	 * @param index its position in discovery order
	 */
	record Node(UpgradeId id, Upgrade upgrade, List<String> dependsOn, int index) {

	}

}
