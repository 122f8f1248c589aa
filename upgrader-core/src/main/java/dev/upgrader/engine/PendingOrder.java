package dev.upgrader.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Orders the pending upgrades of a valid graph topologically (Kahn): among upgrades ready
 * at the same time the smallest id goes first. It works on node indexes in arrays, with a
 * binary heap of indexes ordered by the graph's packed id prefixes, so that ordering
 * stays linear in the graph but for the heap's logarithm, and reads no node until it
 * lists the result (#14).
 */
final class PendingOrder {

	private final UpgradeGraph graph;

	private final int[] pending;

	private final boolean[] done;

	private int[] heap = new int[16];

	private int heapSize;

	/**
	 * Prepares the order of the pending upgrades.
	 * @param graph the graph, without problems
	 * @param pending the indexes of the pending nodes, ascending, whose every dependency
	 * is a node or done
	 * @param done by node index, whether the node counts as applied
	 */
	PendingOrder(UpgradeGraph graph, int[] pending, boolean[] done) {
		this.graph = graph;
		this.pending = pending;
		this.done = done;
	}

	/** The pending upgrades in run order. */
	List<UpgradeGraph.Node> order() {
		int size = this.graph.size();
		Successors successors = this.graph.successors();
		int[] waitingFor = new int[size];
		// Dependents of each node in compressed rows: those of node i are
		// dependents[first[i]] up to dependents[first[i + 1]]. Each row is filled from
		// its end; the order within a row does not matter, the heap orders by id.
		int[] first = new int[size + 1];
		for (int node : this.pending) {
			for (int position = successors.start(node); position < successors.end(node); position++) {
				int dependency = successors.at(position);
				if (!this.done[dependency]) {
					waitingFor[node]++;
					first[dependency + 1]++;
				}
			}
		}
		for (int i = 0; i < size; i++) {
			first[i + 1] += first[i];
		}
		int[] dependents = new int[first[size]];
		for (int node : this.pending) {
			for (int position = successors.start(node); position < successors.end(node); position++) {
				int dependency = successors.at(position);
				if (!this.done[dependency]) {
					dependents[--first[dependency + 1]] = node;
				}
			}
		}
		// Filling moved each first[i + 1] down to the start of row i: shift back.
		System.arraycopy(first, 1, first, 0, size);
		first[size] = dependents.length;
		for (int node : this.pending) {
			if (waitingFor[node] == 0) {
				push(node);
			}
		}
		UpgradeGraph.Node[] ordered = new UpgradeGraph.Node[this.pending.length];
		int count = 0;
		while (this.heapSize > 0) {
			int node = poll();
			ordered[count++] = this.graph.node(node);
			for (int i = first[node]; i < first[node + 1]; i++) {
				if (--waitingFor[dependents[i]] == 0) {
					push(dependents[i]);
				}
			}
		}
		if (count != this.pending.length) {
			// The graph reports cycles before planning, so this only guards the
			// invariant.
			throw new IllegalStateException("Unordered upgrades remain although no cycle was reported");
		}
		return Collections.unmodifiableList(Arrays.asList(ordered));
	}

	private boolean before(int a, int b) {
		return this.graph.compare(a, b) < 0;
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
