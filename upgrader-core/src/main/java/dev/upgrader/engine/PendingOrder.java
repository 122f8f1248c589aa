package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orders the pending upgrades of a valid graph topologically (Kahn): among upgrades ready
 * at the same time the smallest id goes first. It works on node indexes in arrays, with a
 * binary heap of indexes ordered by id, so that ordering stays linear in the graph but
 * for the heap's logarithm (#14).
 */
final class PendingOrder {

	private final UpgradeGraph graph;

	private final List<UpgradeGraph.Node> pending;

	private final boolean[] done;

	private int[] heap = new int[16];

	private int heapSize;

	/**
	 * Prepares the order of the pending upgrades.
	 * @param graph the graph, without problems
	 * @param pending the pending nodes, whose every dependency is a node or done
	 * @param done by node index, whether the node counts as applied
	 */
	PendingOrder(UpgradeGraph graph, List<UpgradeGraph.Node> pending, boolean[] done) {
		this.graph = graph;
		this.pending = pending;
		this.done = done;
	}

	/** The pending upgrades in run order. */
	List<UpgradeGraph.Node> order() {
		int size = this.graph.size();
		int[] waitingFor = new int[size];
		// Dependents of each node in compressed rows: those of node i are
		// dependents[first[i]] up to dependents[first[i + 1]].
		int[] first = new int[size + 1];
		for (UpgradeGraph.Node node : this.pending) {
			for (int dependency : this.graph.successors(node.index())) {
				if (!this.done[dependency]) {
					waitingFor[node.index()]++;
					first[dependency + 1]++;
				}
			}
		}
		for (int i = 0; i < size; i++) {
			first[i + 1] += first[i];
		}
		int[] dependents = new int[first[size]];
		int[] filled = new int[size];
		for (UpgradeGraph.Node node : this.pending) {
			for (int dependency : this.graph.successors(node.index())) {
				if (!this.done[dependency]) {
					dependents[first[dependency] + filled[dependency]++] = node.index();
				}
			}
		}
		for (UpgradeGraph.Node node : this.pending) {
			if (waitingFor[node.index()] == 0) {
				push(node.index());
			}
		}
		List<UpgradeGraph.Node> ordered = new ArrayList<>(this.pending.size());
		while (this.heapSize > 0) {
			int node = poll();
			ordered.add(this.graph.node(node));
			for (int i = first[node]; i < first[node + 1]; i++) {
				if (--waitingFor[dependents[i]] == 0) {
					push(dependents[i]);
				}
			}
		}
		if (ordered.size() != this.pending.size()) {
			// The graph reports cycles before planning, so this only guards the
			// invariant.
			throw new IllegalStateException("Unordered upgrades remain although no cycle was reported");
		}
		return List.copyOf(ordered);
	}

	private boolean before(int a, int b) {
		return this.graph.node(a).id().compareTo(this.graph.node(b).id()) < 0;
	}

	private void push(int node) {
		if (this.heapSize == this.heap.length) {
			this.heap = Arrays.copyOf(this.heap, this.heapSize * 2);
		}
		int child = this.heapSize++;
		while (child > 0) {
			int parent = (child - 1) / 2;
			if (!before(node, this.heap[parent])) {
				break;
			}
			this.heap[child] = this.heap[parent];
			child = parent;
		}
		this.heap[child] = node;
	}

	private int poll() {
		int top = this.heap[0];
		int last = this.heap[--this.heapSize];
		int parent = 0;
		while (true) {
			int child = 2 * parent + 1;
			if (child >= this.heapSize) {
				break;
			}
			if (child + 1 < this.heapSize && before(this.heap[child + 1], this.heap[child])) {
				child++;
			}
			if (!before(this.heap[child], last)) {
				break;
			}
			this.heap[parent] = this.heap[child];
			parent = child;
		}
		this.heap[parent] = last;
		return top;
	}

}
