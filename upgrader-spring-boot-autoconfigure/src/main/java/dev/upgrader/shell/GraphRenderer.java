package dev.upgrader.shell;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.upgrader.UpgraderInfo;

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
		String draw(UpgraderInfo info, Map<String, String> statuses) {
			StringBuilder text = new StringBuilder("flowchart LR").append(NL);
			statuses.forEach((id, status) -> text.append("    ")
				.append(id)
				.append("[\"")
				.append(id)
				.append("\"]:::")
				.append(status)
				.append(NL));
			info.edges()
				.forEach((edge) -> text.append("    ")
					.append(edge.dependsOn())
					.append(" --> ")
					.append(edge.upgrade())
					.append(NL));
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
		String draw(UpgraderInfo info, Map<String, String> statuses) {
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
			info.edges()
				.forEach((edge) -> text.append("    \"")
					.append(edge.dependsOn())
					.append("\" -> \"")
					.append(edge.upgrade())
					.append("\";")
					.append(NL));
			return text.append("}").append(NL).toString();
		}

	};

	private static final String NL = System.lineSeparator();

	private static final String APPLIED = "applied";

	private static final String PENDING = "pending";

	private static final Map<String, String> COLOURS = Map.of(APPLIED, "palegreen", PENDING, "lightyellow", "missing",
			"lightpink");

	abstract String draw(UpgraderInfo info, Map<String, String> statuses);

	/**
	 * Draws the graph.
	 * @param info the upgrades of the code against the log
	 * @return the graph source
	 */
	String render(UpgraderInfo info) {
		return draw(info, statuses(info));
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
	private static Map<String, String> statuses(UpgraderInfo info) {
		Set<String> applied = info.appliedIds();
		Set<String> known = new HashSet<>();
		Map<String, String> statuses = new LinkedHashMap<>();
		info.nodes().forEach((node) -> known.add(node.id()));
		info.nodes().forEach((node) -> statuses.put(node.id(), status(node.id(), applied, known)));
		info.edges().forEach((edge) -> statuses.computeIfAbsent(edge.dependsOn(), (id) -> status(id, applied, known)));
		return statuses;
	}

	private static String status(String id, Set<String> applied, Set<String> known) {
		if (applied.contains(id)) {
			return APPLIED;
		}
		return known.contains(id) ? PENDING : "missing";
	}

}
