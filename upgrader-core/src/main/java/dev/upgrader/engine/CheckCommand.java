package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.List;

import dev.upgrader.CheckReport;
import dev.upgrader.RunOptions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code check} command: validates the graph and calls every pending upgrade's
 * pre-check, unattended, writing nothing.
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
		UpgradePlan plan = this.planner.plan();
		if (!plan.isValid()) {
			return new CheckReport(List.of(), List.of(new CheckReport.Problem("upgrade graph", plan.problems())),
					plan.ghosts());
		}
		List<String> warnings = new ArrayList<>();
		// Pre-checks are user code: whatever they write through the context is rolled
		// back.
		List<CheckReport.Problem> problems = this.transactions.execute((status) -> {
			status.setRollbackOnly();
			return this.executor.preChecks(plan.pending(), RunOptions.unattended(), warnings);
		});
		return new CheckReport(this.descriptions.describe(plan.pending()), problems, plan.ghosts());
	}

}
