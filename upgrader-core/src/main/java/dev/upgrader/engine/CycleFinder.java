package dev.upgrader.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the cycles of an upgrade graph: one cycle per strongly connected component,
 * listed from its smallest id. Iterative (Tarjan), so that long chains cannot overflow
 * the stack. The search runs on node indexes in arrays: hashing ids and boxing counters
 * for every node made large graphs scale worse than linearly (#14).
 */
final class CycleFinder {

	private static final int UNVISITED = -1;

	private final IdTable ids;

	private final UpgradeGraph.Node[] indexed;

	private final Successors successors;

	private final int[] index;

	private final int[] lowLink;

	private final boolean[] onStack;

	private final int[] stack;

	private int stackSize;

	/** The depth-first path: node and position of its next successor, per level. */
	private final int[] pathNode;

	private final int[] pathNext;

	private final List<Set<String>> components = new ArrayList<>();

	private int counter;

	private CycleFinder(IdTable ids, UpgradeGraph.Node[] indexed, Successors successors) {
		this.ids = ids;
		this.indexed = indexed;
		this.successors = successors;
		int size = indexed.length;
		this.index = new int[size];
		Arrays.fill(this.index, UNVISITED);
		this.lowLink = new int[size];
		this.onStack = new boolean[size];
		this.stack = new int[size];
		this.pathNode = new int[size];
		this.pathNext = new int[size];
	}

	/**
	 * Returns each cycle as the list of its ids in dependency order, the first id
	 * repeated at the end; cycles sorted by their first id.
	 * @param ids the index of each node's id
	 * @param indexed the nodes by index
	 * @param successors the indexes of each node's dependencies that are nodes
	 */
	static List<List<String>> cycles(IdTable ids, UpgradeGraph.Node[] indexed, Successors successors) {
		CycleFinder finder = new CycleFinder(ids, indexed, successors);
		// Any visiting order finds the same components, and each cycle is then built from
		// its smallest id: no need to sort every id first (#6).
		for (int root = 0; root < indexed.length; root++) {
			if (finder.index[root] == UNVISITED) {
				finder.connect(root);
			}
		}
		List<List<String>> cycles = new ArrayList<>();
		for (Set<String> component : finder.components) {
			String first = Collections.min(component);
			cycles.add(finder.cycleThrough(first, component));
		}
		cycles.sort((a, b) -> a.get(0).compareTo(b.get(0)));
		return cycles;
	}

	private void connect(int root) {
		int depth = 0;
		visit(root, depth);
		while (depth >= 0) {
			int node = this.pathNode[depth];
			if (this.pathNext[depth] < this.successors.end(node)) {
				int successor = this.successors.at(this.pathNext[depth]++);
				if (this.index[successor] == UNVISITED) {
					visit(successor, ++depth);
				}
				else if (this.onStack[successor]) {
					this.lowLink[node] = Math.min(this.lowLink[node], this.index[successor]);
				}
				continue;
			}
			depth--;
			if (depth >= 0) {
				int parent = this.pathNode[depth];
				this.lowLink[parent] = Math.min(this.lowLink[parent], this.lowLink[node]);
			}
			if (this.lowLink[node] == this.index[node]) {
				popComponent(node);
			}
		}
	}

	/**
	 * Pops the component rooted at {@code root} and keeps it when it is a cycle. Nearly
	 * every component of a valid graph is a single upgrade without a self-loop: that
	 * common case allocates nothing.
	 */
	private void popComponent(int root) {
		int member = this.stack[--this.stackSize];
		this.onStack[member] = false;
		if (member == root) {
			if (dependsOnItself(member)) {
				this.components.add(Set.of(id(member)));
			}
			return;
		}
		Set<String> component = new HashSet<>();
		component.add(id(member));
		do {
			member = this.stack[--this.stackSize];
			this.onStack[member] = false;
			component.add(id(member));
		}
		while (member != root);
		this.components.add(component);
	}

	private boolean dependsOnItself(int node) {
		for (int position = this.successors.start(node); position < this.successors.end(node); position++) {
			if (this.successors.at(position) == node) {
				return true;
			}
		}
		return false;
	}

	private void visit(int node, int depth) {
		this.index[node] = this.counter;
		this.lowLink[node] = this.counter;
		this.counter++;
		this.stack[this.stackSize++] = node;
		this.onStack[node] = true;
		this.pathNode[depth] = node;
		this.pathNext[depth] = this.successors.start(node);
	}

	private String id(int node) {
		return this.indexed[node].id().value();
	}

	private List<String> successors(String id) {
		int node = this.ids.indexOf(id);
		return (node != IdTable.ABSENT) ? this.indexed[node].dependsOn() : List.of();
	}

	/** Shortest path from {@code start} back to itself inside the component (BFS). */
	private List<String> cycleThrough(String start, Set<String> component) {
		Map<String, String> parent = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of(start));
		while (!queue.isEmpty()) {
			String current = queue.poll();
			for (String next : new TreeSet<>(successors(current))) {
				if (next.equals(start)) {
					List<String> path = new ArrayList<>();
					for (String step = current; step != null; step = parent.get(step)) {
						path.add(0, step);
					}
					path.add(start);
					return path;
				}
				if (component.contains(next) && !parent.containsKey(next) && !next.equals(start)) {
					parent.put(next, current);
					queue.add(next);
				}
			}
		}
		throw new IllegalStateException("No cycle through " + start);
	}

}
