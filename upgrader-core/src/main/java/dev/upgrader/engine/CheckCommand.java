package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.List;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.RunOptions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code check} command: validates the graph, checks the rules for writing upgrades
 * and calls every pending upgrade's pre-check, unattended, writing nothing. Applied
 * upgrades whose checksum changed are problems too, whatever
 * {@code upgrader.on-changed-upgrade} says.
 */
final class CheckCommand {

	/** The subject under which a strict check reports the broken rules. */
	static final String RULES_SUBJECT = "the rules for writing upgrades (strict check)";

	private final LogPlanner planner;

	private final UpgradeExecutor executor;

	private final PendingDescriptions descriptions;

	private final TransactionTemplate transactions;

	CheckCommand(LogPlanner planner, UpgradeExecutor executor, PendingDescriptions descriptions,
			TransactionTemplate transactions) {
		this.planner = planner;
		this.executor = executor;
		this.descriptions = descriptions;
		this.transactions = transactions;
	}

	CheckReport check(UpgradeRules rules) {
		UpgradeGraph graph = this.planner.graph();
		List<AppliedUpgrade> rows = this.planner.readLog();
		UpgradePlan plan = this.planner.plan(graph, rows);
		List<CheckReport.Warning> warnings = new ArrayList<>();
		List<String> broken = new ArrayList<>();
		for (CheckReport.Warning warning : rules.check(graph)) {
			if (rules.isStrict() && !warning.rule().informational()) {
				broken.add(warning.toString());
			}
			else {
				warnings.add(warning);
			}
		}
		List<CheckReport.Problem> problems = new ArrayList<>();
		if (!plan.isValid()) {
			problems.add(new CheckReport.Problem("upgrade graph", plan.problems()));
		}
		ChangedUpgrades.find(graph, rows)
			.stream()
			.map((upgrade) -> new CheckReport.Problem(upgrade.id(), List.of(upgrade.describe())))
			.forEach(problems::add);
		if (plan.isValid()) {
			List<String> runWarnings = new ArrayList<>();
			// Pre-checks are user code: whatever they write through the context is rolled
			// back.
			problems.addAll(this.transactions.execute((status) -> {
				status.setRollbackOnly();
				return this.executor.preChecks(plan.pending(), RunOptions.unattended(), runWarnings);
			}));
		}
		if (!broken.isEmpty()) {
			problems.add(new CheckReport.Problem(RULES_SUBJECT, broken));
		}
		return new CheckReport(plan.isValid() ? this.descriptions.describe(plan.pending()) : List.of(),
				List.copyOf(problems), plan.ghosts(), List.copyOf(warnings));
	}

}
