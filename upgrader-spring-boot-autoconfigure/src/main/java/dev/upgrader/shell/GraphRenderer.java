package dev.upgrader.shell;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.upgrader.engine.UpgradeGraph;

/**
 * Draws the upgrade graph as Mermaid or Graphviz dot. An edge goes from a dependency to
 * the upgrade that needs it, so the graph reads in run order. Upgrades in the log, and
 * those they depend on, are applied; the rest are pending; a dependency that neither the
 * code nor the log knows is missing.
 */
enum GraphRenderer {

	/** A Mermaid flowchart, for Markdown documents. */
	MERMAID {

		@Override
		String draw(UpgradeGraph graph, Map<String, String> statuses) {
			StringBuilder text = new StringBuilder("flowchart LR").append(NL);
			statuses.forEach((id, status) -> text.append("    ")
				.append(id)
				.append("[\"")
				.append(id)
				.append("\"]:::")
				.append(status)
				.append(NL));
			graph.nodes()
				.forEach((node) -> node.dependsOn()
					.forEach((dependency) -> text.append("    ")
						.append(dependency)
						.append(" --> ")
						.append(node.id())
						.append(NL)));
			return text.append("    classDef applied fill:#d3f4d1,stroke:#2e7d32")
				.append(NL)
				.append("    classDef pending fill:#fff4c2,stroke:#b58900,stroke-dasharray:4 3")
				.append(NL)
				.append("    classDef missing fill:#f8d0d0,stroke:#c62828")
				.append(NL)
				.toString();
		}

	},

	/** A Graphviz digraph, for {@code dot -Tsvg}. */
	DOT {

		@Override
		String draw(UpgradeGraph graph, Map<String, String> statuses) {
			StringBuilder text = new StringBuilder("digraph upgrades {").append(NL)
				.append("    rankdir=LR;")
				.append(NL)
				.append("    node [shape=box, style=filled];")
				.append(NL);
			statuses.forEach((id, status) -> text.append("    \"")
				.append(id)
				.append("\" [fillcolor=")
				.append(COLOURS.get(status))
				.append(status.equals(APPLIED) ? "" : ", style=\"filled,dashed\"")
				.append(", tooltip=\"")
				.append(status)
				.append("\"];")
				.append(NL));
			graph.nodes()
				.forEach((node) -> node.dependsOn()
					.forEach((dependency) -> text.append("    \"")
						.append(dependency)
						.append("\" -> \"")
						.append(node.id())
						.append("\";")
						.append(NL)));
			return text.append("}").append(NL).toString();
		}

	};

	private static final String NL = System.lineSeparator();

	private static final String APPLIED = "applied";

	private static final Map<String, String> COLOURS = Map.of(APPLIED, "palegreen", "pending", "lightyellow", "missing",
			"lightpink");

	abstract String draw(UpgradeGraph graph, Map<String, String> statuses);

	/**
	 * Draws the graph.
	 * @param graph the upgrades of the code
	 * @param appliedIds the ids in the log
	 * @return the graph source
	 */
	String render(UpgradeGraph graph, Collection<String> appliedIds) {
		return draw(graph, statuses(graph, appliedIds));
	}

	static GraphRenderer forFormat(String format) {
		try {
			return valueOf(format.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UpgraderCommandException("Unknown graph format '" + format + "': use mermaid or dot.");
		}
	}

	/** Every upgrade of the code, then every dependency the code does not have. */
	private static Map<String, String> statuses(UpgradeGraph graph, Collection<String> appliedIds) {
		Set<String> applied = new HashSet<>(appliedIds);
		applied.addAll(graph.ancestorsOf(appliedIds));
		Map<String, String> statuses = new LinkedHashMap<>();
		graph.nodes().forEach((node) -> statuses.put(node.id().value(), status(graph, applied, node.id().value())));
		graph.nodes()
			.forEach((node) -> node.dependsOn()
				.forEach((dependency) -> statuses.putIfAbsent(dependency, status(graph, applied, dependency))));
		return statuses;
	}

	private static String status(UpgradeGraph graph, Set<String> applied, String id) {
		if (applied.contains(id)) {
			return APPLIED;
		}
		return graph.contains(id) ? "pending" : "missing";
	}

}
