package dev.upgrader.engine;

import java.util.Arrays;
import java.util.List;

/**
 * The dependencies of each node of a graph that are nodes too, as indexes, in compressed
 * rows: those of node {@code i} are at positions {@link #start(int) start(i)} up to
 * {@link #end(int) end(i)}, in declaration order, a dependency listed twice appearing
 * twice. Two arrays for the whole graph instead of one per node: with 100,000 upgrades,
 * allocating and then reading 100,000 small arrays cost more than the work on them (#14).
 */
final class Successors {

	private static final int[] NONE = {};

	private final int[] starts;

	private final int[] indexes;

	private final int[] unresolved;

	private Successors(int[] starts, int[] indexes, int[] unresolved) {
		this.starts = starts;
		this.indexes = indexes;
		this.unresolved = unresolved;
	}

	/**
	 * The position of a node's first dependency.
	 * @param node the node's index
	 * @return the position
	 */
	int start(int node) {
		return this.starts[node];
	}

	/**
	 * The position after a node's last dependency.
	 * @param node the node's index
	 * @return the position
	 */
	int end(int node) {
		return this.starts[node + 1];
	}

	/**
	 * The dependency at a position.
	 * @param position from {@code start(i)} to {@code end(i)} (exclusive) of a node
	 * {@code i}
	 * @return the dependency's index
	 */
	int at(int position) {
		return this.indexes[position];
	}

	/**
	 * The nodes with a dependency that is no node, which only the log can know.
	 * @return their indexes, ascending; callers must not modify the array
	 */
	int[] unresolved() {
		return this.unresolved;
	}

	/**
	 * Builds the rows while the graph's nodes are found, resolving each dependency as
	 * soon as its node is known: an upgrade is usually found after the upgrades it
	 * depends on, so most dependencies are resolved while their ids, and the id they
	 * match, were just read; a graph of 100,000 upgrades is larger than the processor's
	 * caches, and a second pass over the upgrades read them all from memory again (#14).
	 */
	static final class Builder {

		private final IdTable ids;

		private final int[] starts;

		private int[] indexes;

		private int nodes;

		private int size;

		private boolean deferred;

		/**
		 * Starts empty rows.
		 * @param ids the ids of the nodes added so far, and of the node being added
		 * @param capacity the most nodes there will be
		 */
		Builder(IdTable ids, int capacity) {
			this.ids = ids;
			this.starts = new int[capacity + 1];
			this.indexes = new int[Math.max(8, capacity + capacity / 4)];
		}

		/**
		 * Adds the row of the next node, whose id is already in the table.
		 * @param dependsOn its dependencies, as declared
		 */
		void add(List<String> dependsOn) {
			this.starts[this.nodes++] = this.size;
			if (this.indexes.length - this.size < dependsOn.size()) {
				this.indexes = Arrays.copyOf(this.indexes,
						Math.max(this.indexes.length * 2, this.size + dependsOn.size()));
			}
			for (String dependency : dependsOn) {
				int index = this.ids.indexOf(dependency);
				this.indexes[this.size++] = index;
				this.deferred |= (index == IdTable.ABSENT);
			}
		}

		/**
		 * Resolves the dependencies on nodes added after their dependents, and drops
		 * those that are no node.
		 * @param nodes the nodes, by index, one per row added
		 * @return the rows
		 */
		Successors build(UpgradeGraph.Node[] nodes) {
			this.starts[this.nodes] = this.size;
			if (!this.deferred) {
				return new Successors(this.starts, this.indexes, NONE);
			}
			int[] unresolved = new int[8];
			int unresolvedCount = 0;
			int kept = 0;
			for (int node = 0; node < this.nodes; node++) {
				int start = this.starts[node];
				int end = this.starts[node + 1];
				this.starts[node] = kept;
				boolean missing = false;
				for (int position = start; position < end; position++) {
					int index = this.indexes[position];
					if (index == IdTable.ABSENT) {
						// Node lists are immutable lists: get() is constant time.
						index = this.ids.indexOf(nodes[node].dependsOn().get(position - start));
					}
					if (index != IdTable.ABSENT) {
						this.indexes[kept++] = index;
					}
					else {
						missing = true;
					}
				}
				if (missing) {
					if (unresolvedCount == unresolved.length) {
						unresolved = Arrays.copyOf(unresolved, unresolvedCount * 2);
					}
					unresolved[unresolvedCount++] = node;
				}
			}
			this.starts[this.nodes] = kept;
			return new Successors(this.starts, this.indexes, Arrays.copyOf(unresolved, unresolvedCount));
		}

	}

}
