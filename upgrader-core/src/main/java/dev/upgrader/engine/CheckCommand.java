package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.List;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.RunOptions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code check} command: validates the graph and calls every pending upgrade's
 * pre-check, unattended, writing nothing. Applied upgrades whose checksum changed are
 * problems too, whatever {@code upgrader.on-changed-upgrade} says.
 */
final class CheckCommand {

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

	CheckReport check() {
		UpgradeGraph graph = this.planner.graph();
		List<AppliedUpgrade> rows = this.planner.readLog();
		UpgradePlan plan = this.planner.plan(graph, rows);
		List<CheckReport.Problem> changed = ChangedUpgrades.find(graph, rows)
			.stream()
			.map((upgrade) -> new CheckReport.Problem(upgrade.id(), List.of(upgrade.describe())))
			.toList();
		if (!plan.isValid()) {
			List<CheckReport.Problem> problems = new ArrayList<>();
			problems.add(new CheckReport.Problem("upgrade graph", plan.problems()));
			problems.addAll(changed);
			return new CheckReport(List.of(), problems, plan.ghosts());
		}
		List<String> warnings = new ArrayList<>();
		// Pre-checks are user code: whatever they write through the context is rolled
		// back.
		List<CheckReport.Problem> problems = new ArrayList<>(changed);
		problems.addAll(this.transactions.execute((status) -> {
			status.setRollbackOnly();
			return this.executor.preChecks(plan.pending(), RunOptions.unattended(), warnings);
		}));
		return new CheckReport(this.descriptions.describe(plan.pending()), problems, plan.ghosts());
	}

}
