package dev.upgrader.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * the stack.
 */
final class CycleFinder {

	private final Map<String, UpgradeGraph.Node> nodes;

	private final Map<String, Integer> index = new HashMap<>();

	private final Map<String, Integer> lowLink = new HashMap<>();

	private final Deque<String> stack = new ArrayDeque<>();

	private final Set<String> onStack = new HashSet<>();

	private final List<Set<String>> components = new ArrayList<>();

	private int counter;

	private CycleFinder(Map<String, UpgradeGraph.Node> nodes) {
		this.nodes = nodes;
	}

	/**
	 * Returns each cycle as the list of its ids in dependency order, the first id
	 * repeated at the end; cycles sorted by their first id.
	 */
	static List<List<String>> cycles(Map<String, UpgradeGraph.Node> nodes) {
		CycleFinder finder = new CycleFinder(nodes);
		// Any visiting order finds the same components, and each cycle is then built from
		// its
		// smallest id: no need to sort every id first (#6).
		for (String id : nodes.keySet()) {
			if (!finder.index.containsKey(id)) {
				finder.connect(id);
			}
		}
		List<List<String>> cycles = new ArrayList<>();
		for (Set<String> component : finder.components) {
			String first = Collections.min(component);
			if (component.size() > 1 || nodes.get(first).dependsOn().contains(first)) {
				cycles.add(finder.cycleThrough(first, component));
			}
		}
		cycles.sort((a, b) -> a.get(0).compareTo(b.get(0)));
		return cycles;
	}

	private List<String> successors(String id) {
		UpgradeGraph.Node node = this.nodes.get(id);
		return (node != null) ? node.dependsOn() : List.of();
	}

	private void connect(String root) {
		Deque<Frame> work = new ArrayDeque<>();
		work.push(visit(root));
		while (!work.isEmpty()) {
			Frame frame = work.peek();
			if (frame.next < frame.successors.size()) {
				String successor = frame.successors.get(frame.next++);
				if (!this.nodes.containsKey(successor)) {
					continue;
				}
				if (!this.index.containsKey(successor)) {
					work.push(visit(successor));
				}
				else if (this.onStack.contains(successor)) {
					this.lowLink.merge(frame.id, this.index.get(successor), Math::min);
				}
				continue;
			}
			work.pop();
			if (!work.isEmpty()) {
				this.lowLink.merge(work.peek().id, this.lowLink.get(frame.id), Math::min);
			}
			if (this.lowLink.get(frame.id).equals(this.index.get(frame.id))) {
				this.components.add(popComponent(frame.id));
			}
		}
	}

	/**
	 * Pops the component rooted at {@code root}. Nearly every component of a valid graph
	 * is a single upgrade: that common case allocates no set (#6).
	 */
	private Set<String> popComponent(String root) {
		String member = this.stack.pop();
		this.onStack.remove(member);
		if (member.equals(root)) {
			return Set.of(member);
		}
		Set<String> component = new HashSet<>();
		component.add(member);
		do {
			member = this.stack.pop();
			this.onStack.remove(member);
			component.add(member);
		}
		while (!member.equals(root));
		return component;
	}

	private Frame visit(String id) {
		this.index.put(id, this.counter);
		this.lowLink.put(id, this.counter);
		this.counter++;
		this.stack.push(id);
		this.onStack.add(id);
		return new Frame(id, successors(id));
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

	private static final class Frame {

		private final String id;

		private final List<String> successors;

		private int next;

		Frame(String id, List<String> successors) {
			this.id = id;
			this.successors = successors;
		}

	}

}
