package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.upgrader.CheckReport;
import dev.upgrader.CheckReport.Rule;

/**
 * Rule 3: every upgrade but a repository's first depends on an earlier upgrade of its
 * repository. A root is an upgrade that depends on no id of its own repository (a
 * dependency on another repository does not order it within its own); a repository with
 * several roots has upgrades whose order against each other nothing fixes.
 */
final class OneRootPerRepositoryRule implements UpgradeRule {

	@Override
	public List<CheckReport.Warning> check(UpgradeGraph graph) {
		Map<String, List<String>> roots = new TreeMap<>();
		for (UpgradeGraph.Node node : graph.nodes()) {
			String repository = node.id().repository();
			if (node.dependsOn().stream().noneMatch((id) -> repository.equals(RuleIds.repositoryOf(id)))) {
				roots.computeIfAbsent(repository, (key) -> new ArrayList<>()).add(node.id().value());
			}
		}
		List<CheckReport.Warning> warnings = new ArrayList<>();
		roots.forEach((repository, ids) -> {
			if (ids.size() > 1) {
				warnings.add(new CheckReport.Warning(Rule.ONE_ROOT_PER_REPOSITORY,
						"Repository " + repository + " has " + ids.size() + " roots (upgrades that depend on no"
								+ " upgrade of " + repository + "): "
								+ String.join(", ", ids.stream().sorted().toList())
								+ "; every upgrade but the first of a repository should depend on an earlier one"));
			}
		});
		return warnings;
	}

}
