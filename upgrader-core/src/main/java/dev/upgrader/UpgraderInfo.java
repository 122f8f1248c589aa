package dev.upgrader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The upgrades of the code against the log, as {@link Upgrader#info()} read them at one
 * moment. Unlike {@link Upgrader#pending()} it never throws for an invalid graph: the
 * problems are listed and the graph can still be shown.
 *
 * @param nodes the upgrades of the code with a well-formed, unique id, in discovery order
 * @param applied the log rows, oldest first, ghosts included
 * @param pending the upgrades a run would apply, in run order, with their estimates;
 * empty when there are problems
 * @param ghosts logged ids that no upgrade in the code has, sorted
 * @param failures the failed attempts of upgrades still not applied, oldest first
 * @param lockHolder who holds the upgrade lock, or {@code null} when it is free
 * @param problems why nothing can run (the graph is invalid), each naming the upgrades
 * involved; empty otherwise
 * @param changed applied upgrades whose checksum differs from the one recorded
 * @since 0.1.0
 */
public record UpgraderInfo(List<Node> nodes, List<AppliedUpgrade> applied, List<PendingUpgrade> pending,
		List<String> ghosts, List<UpgradeFailure> failures, @Nullable String lockHolder, List<String> problems,
		List<ChangedUpgrade> changed) {

	/**
	 * Creates a report that found no changed upgrade.
	 * @param nodes the upgrades of the code
	 * @param applied the log rows
	 * @param pending the upgrades a run would apply, in run order
	 * @param ghosts logged ids that no upgrade in the code has
	 * @param failures the failed attempts of upgrades still not applied
	 * @param lockHolder who holds the upgrade lock, or {@code null}
	 * @param problems why nothing can run
	 */
	public UpgraderInfo(List<Node> nodes, List<AppliedUpgrade> applied, List<PendingUpgrade> pending,
			List<String> ghosts, List<UpgradeFailure> failures, @Nullable String lockHolder, List<String> problems) {
		this(nodes, applied, pending, ghosts, failures, lockHolder, problems, List.of());
	}

	/**
	 * Creates the report, copying every list.
	 * @param nodes the upgrades of the code
	 * @param applied the log rows
	 * @param pending the upgrades a run would apply, in run order
	 * @param ghosts logged ids that no upgrade in the code has
	 * @param failures the failed attempts of upgrades still not applied
	 * @param lockHolder who holds the upgrade lock, or {@code null}
	 * @param problems why nothing can run
	 * @param changed applied upgrades whose checksum changed
	 */
	public UpgraderInfo {
		changed = List.copyOf(changed);
		nodes = List.copyOf(nodes);
		applied = List.copyOf(applied);
		pending = List.copyOf(pending);
		ghosts = List.copyOf(ghosts);
		failures = List.copyOf(failures);
		problems = List.copyOf(problems);
	}

	/**
	 * Whether a run may start: the graph has no problem.
	 * @return {@code true} when {@link #problems()} is empty
	 */
	public boolean isValid() {
		return this.problems.isEmpty();
	}

	/**
	 * Looks an upgrade of the code up.
	 * @param id the upgrade id
	 * @return the node, or empty when the code has no upgrade with that id
	 */
	public Optional<Node> node(String id) {
		return this.nodes.stream().filter((node) -> node.id().equals(id)).findFirst();
	}

	/**
	 * Every id that counts as applied: the ids of the log and, transitively, what they
	 * depend on, including dependencies the code does not have.
	 * @return the ids
	 */
	public Set<String> appliedIds() {
		Set<String> ids = new HashSet<>();
		this.applied.forEach((row) -> ids.add(row.id()));
		this.nodes.stream()
			.filter((node) -> node.status() == Status.APPLIED || node.status() == Status.IMPLIED)
			.forEach((node) -> {
				ids.add(node.id());
				ids.addAll(node.dependsOn());
			});
		return ids;
	}

	/**
	 * The dependencies, one edge per id an upgrade depends on, in the order of the nodes
	 * and of their {@code dependsOn}.
	 * @return the edges
	 */
	public List<Edge> edges() {
		List<Edge> edges = new ArrayList<>();
		this.nodes
			.forEach((node) -> node.dependsOn().forEach((dependency) -> edges.add(new Edge(node.id(), dependency))));
		return edges;
	}

	/**
	 * The leaves of every repository: upgrades no other upgrade depends on. A new upgrade
	 * of a repository depends on its leaves; a release depends on the leaves of all.
	 * @return repository to its sorted leaf ids, repositories sorted by name
	 */
	public Map<String, List<String>> leavesByRepository() {
		Set<String> dependedOn = new HashSet<>();
		this.nodes.forEach((node) -> dependedOn.addAll(node.dependsOn()));
		Map<String, List<String>> leaves = new TreeMap<>();
		this.nodes.stream()
			.filter((node) -> !dependedOn.contains(node.id()))
			.sorted((a, b) -> a.id().compareTo(b.id()))
			.forEach((node) -> leaves.computeIfAbsent(node.repository(), (key) -> new ArrayList<>()).add(node.id()));
		return leaves;
	}

	/**
	 * An upgrade of the code.
	 *
	 * @param id the upgrade id
	 * @param repository the repository part of the id
	 * @param release whether it is a release upgrade
	 * @param info the first line of the upgrade's info
	 * @param dependsOn the ids it depends on, as declared
	 * @param status where it stands against the log
	 */
	public record Node(String id, String repository, boolean release, String info, List<String> dependsOn,
			Status status) {

		/**
		 * Creates the node, copying its dependencies.
		 * @param id the upgrade id
		 * @param repository the repository part of the id
		 * @param release whether it is a release upgrade
		 * @param info the first line of the upgrade's info
		 * @param dependsOn the ids it depends on
		 * @param status where it stands against the log
		 */
		public Node {
			dependsOn = List.copyOf(dependsOn);
		}

	}

	/**
	 * Where an upgrade stands against the log.
	 */
	public enum Status {

		/** It has a log row. */
		APPLIED,

		/** An upgrade that depends on it has a log row, so it counts as applied. */
		IMPLIED,

		/** A run would apply it. */
		PENDING,

		/** It is not applied, but the graph is invalid, so nothing can run. */
		BLOCKED

	}

	/**
	 * A dependency.
	 *
	 * @param upgrade the dependent upgrade
	 * @param dependsOn the id it depends on, which the code may not have
	 */
	public record Edge(String upgrade, String dependsOn) {

	}

}
