package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.upgrader.CheckReport;
import dev.upgrader.CheckReport.Rule;
import dev.upgrader.UpgradeId;

/**
 * Rule 4, the informational half: in each repository that has releases, the upgrades that
 * no release (of any repository) depends on yet, listed as since its newest release. They
 * are normal between two releases; the list says what the next release must cover.
 */
final class SinceLastReleaseRule implements UpgradeRule {

	@Override
	public List<CheckReport.Warning> check(UpgradeGraph graph) {
		Map<String, UpgradeId> newestRelease = new TreeMap<>();
		List<String> releases = new ArrayList<>();
		for (UpgradeGraph.Node node : graph.nodes()) {
			if (node.id().release()) {
				releases.add(node.id().value());
				newestRelease.merge(node.id().repository(), node.id(),
						(a, b) -> (RuleIds.BY_VERSION.compare(a, b) >= 0) ? a : b);
			}
		}
		Set<String> covered = graph.withAncestors(releases);
		List<CheckReport.Warning> warnings = new ArrayList<>();
		newestRelease.forEach((repository, release) -> {
			List<String> since = graph.nodes()
				.stream()
				.map(UpgradeGraph.Node::id)
				.filter((id) -> id.repository().equals(repository) && !id.release() && !covered.contains(id.value()))
				.map(UpgradeId::value)
				.sorted()
				.toList();
			if (!since.isEmpty()) {
				warnings.add(new CheckReport.Warning(Rule.SINCE_LAST_RELEASE,
						since.size() + " upgrade(s) of " + repository + " since release " + release
								+ ", not covered by a release yet: " + String.join(", ", since)));
			}
		});
		return warnings;
	}

}
