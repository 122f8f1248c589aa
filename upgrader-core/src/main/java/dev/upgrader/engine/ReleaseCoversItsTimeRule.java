package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.upgrader.CheckReport;
import dev.upgrader.CheckReport.Rule;
import dev.upgrader.UpgradeId;

/**
 * Rule 4: a release depends on everything of its time. A release id has no date, so its
 * time is the date of the newest upgrade of its own repository that it depends on,
 * directly or transitively. Every upgrade of that repository dated on or before that day
 * must then be one of its ancestors, unless it comes after the release in the graph (it
 * depends on the release). The missing upgrades that no other missing one depends on, the
 * leaves of its time that the release misses, are named.
 */
final class ReleaseCoversItsTimeRule implements UpgradeRule {

	@Override
	public List<CheckReport.Warning> check(UpgradeGraph graph) {
		List<CheckReport.Warning> warnings = new ArrayList<>();
		graph.nodes()
			.stream()
			.filter((node) -> node.id().release())
			.sorted((a, b) -> a.id().compareTo(b.id()))
			.forEach((release) -> {
				String missing = missingLeaves(graph, release);
				if (missing != null) {
					warnings.add(new CheckReport.Warning(Rule.RELEASE_COVERS_ITS_TIME, missing));
				}
			});
		return warnings;
	}

	private @Nullable String missingLeaves(UpgradeGraph graph, UpgradeGraph.Node release) {
		String repository = release.id().repository();
		Set<String> ancestors = graph.withAncestors(List.of(release.id().value()));
		String time = time(ancestors, repository);
		if (time == null) {
			return null;
		}
		List<UpgradeGraph.Node> missing = new ArrayList<>();
		for (UpgradeGraph.Node node : graph.nodes()) {
			String date = RuleIds.dateOf(node.id());
			if (node.id().repository().equals(repository) && date != null && date.compareTo(time) <= 0
					&& !ancestors.contains(node.id().value())
					&& !graph.withAncestors(List.of(node.id().value())).contains(release.id().value())) {
				missing.add(node);
			}
		}
		Set<String> dependedOn = new HashSet<>();
		missing.forEach((node) -> dependedOn.addAll(node.dependsOn()));
		List<String> leaves = missing.stream()
			.map((node) -> node.id().value())
			.filter((id) -> !dependedOn.contains(id))
			.sorted()
			.toList();
		if (leaves.isEmpty()) {
			return null;
		}
		return "Release " + release.id() + " does not depend on " + String.join(", ", leaves) + ": its time is "
				+ time.replace('_', '-') + " (the newest upgrade of " + repository
				+ " it depends on), so it should depend on every upgrade of " + repository
				+ " dated on or before that day";
	}

	/** The newest date among the given ids of the repository. */
	private static @Nullable String time(Set<String> ids, String repository) {
		String newest = null;
		for (String id : ids) {
			UpgradeId parsed = RuleIds.parse(id);
			String date = (parsed != null && parsed.repository().equals(repository)) ? RuleIds.dateOf(parsed) : null;
			if (date != null && (newest == null || date.compareTo(newest) > 0)) {
				newest = date;
			}
		}
		return newest;
	}

}
