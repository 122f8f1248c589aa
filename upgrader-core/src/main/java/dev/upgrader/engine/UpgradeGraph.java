package dev.upgrader.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

	private static final int[] NO_SUCCESSORS = {};

	private final Map<String, Node> nodes;

	private final Node[] indexed;

	private final int[][] successors;

	private final List<String> problems;

	private UpgradeGraph(Map<String, Node> nodes, Node[] indexed, int[][] successors, List<String> problems) {
		this.nodes = nodes;
		this.indexed = indexed;
		this.successors = successors;
		this.problems = problems;
	}

	/**
	 * Builds the graph of the given upgrades and validates its structure.
	 * @param upgrades the upgrades found in the code
	 * @return the graph, with every problem found
	 */
	static UpgradeGraph of(Collection<? extends Upgrade> upgrades) {
		// Sized up front: rehashing a growing table touched every entry again (#14).
		Map<String, Node> nodes = new LinkedHashMap<>(capacity(upgrades.size()));
		List<String> problems = new ArrayList<>();
		for (Upgrade upgrade : upgrades) {
			Node node = node(upgrade, nodes.size(), problems);
			if (node == null) {
				continue;
			}
			Node existing = nodes.putIfAbsent(node.id().value(), node);
			if (existing != null) {
				problems.add("Duplicate upgrade id " + node.id() + ": declared by " + className(existing.upgrade())
						+ " and by " + className(upgrade));
			}
		}
		Node[] indexed = nodes.values().toArray(Node[]::new);
		int[][] successors = successors(nodes, indexed);
		problems
			.addAll(CycleFinder.cycles(nodes, indexed, successors).stream().map(UpgradeGraph::describeCycle).toList());
		return new UpgradeGraph(Collections.unmodifiableMap(nodes), indexed, successors, List.copyOf(problems));
	}

	/** A hash table capacity that holds {@code size} entries without rehashing. */
	static int capacity(int size) {
		return (int) Math.min(Integer.MAX_VALUE, (long) size * 4 / 3 + 1);
	}

	/**
	 * The dependencies of each node that are nodes too, as indexes, in declaration order
	 * and with repeats: cycle finding and ordering then walk arrays instead of hashing
	 * ids and boxing counters, which kept planning from scaling linearly (#14).
	 */
	private static int[][] successors(Map<String, Node> nodes, Node[] indexed) {
		int[][] successors = new int[indexed.length][];
		int[] buffer = new int[8];
		for (int i = 0; i < indexed.length; i++) {
			List<String> dependsOn = indexed[i].dependsOn();
			if (buffer.length < dependsOn.size()) {
				buffer = new int[dependsOn.size()];
			}
			int count = 0;
			for (String dependency : dependsOn) {
				Node node = nodes.get(dependency);
				if (node != null) {
					buffer[count++] = node.index();
				}
			}
			successors[i] = (count == 0) ? NO_SUCCESSORS : Arrays.copyOf(buffer, count);
		}
		return successors;
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
		else if (dependsOn.stream().anyMatch(Objects::isNull)) {
			problems.add("Upgrade " + id + " lists a null dependency in dependsOn()");
		}
		if (estimate == null || estimate.isNegative()) {
			problems.add("Upgrade " + id + " returns " + estimate + " from estimate(); return a positive duration");
		}
		return (problems.size() == before) ? new Node(parsed, upgrade, List.copyOf(dependsOn), index) : null;
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
	Collection<Node> nodes() {
		return this.nodes.values();
	}

	/**
	 * How many nodes the graph has; their indexes run from 0 in discovery order.
	 * @return the number of nodes
	 */
	int size() {
		return this.indexed.length;
	}

	/**
	 * The node at an index.
	 * @param index from 0 to {@link #size()} (exclusive)
	 * @return the node
	 */
	Node node(int index) {
		return this.indexed[index];
	}

	/**
	 * The indexes of the dependencies of a node that are nodes of this graph, in
	 * declaration order, a dependency listed twice appearing twice.
	 * @param index the node's index
	 * @return the indexes; callers must not modify the array
	 */
	int[] successors(int index) {
		return this.successors[index];
	}

	/**
	 * Looks an upgrade up.
	 * @param id the upgrade id
	 * @return the node, or {@code null} when the code has no such upgrade
	 */
	@Nullable Node get(String id) {
		return this.nodes.get(id);
	}

	/**
	 * Whether the code has an upgrade with this id.
	 * @param id the upgrade id
	 * @return {@code true} when known
	 */
	boolean contains(String id) {
		return this.nodes.containsKey(id);
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
			Node node = this.nodes.get(stack.pop());
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
