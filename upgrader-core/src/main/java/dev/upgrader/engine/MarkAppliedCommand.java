package dev.upgrader.engine;

import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.UpgraderException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code mark-applied} command: records one upgrade as applied by hand and clears its
 * failure, under the lock.
 */
final class MarkAppliedCommand {

	private static final Log logger = LogFactory.getLog(MarkAppliedCommand.class);

	private final LogPlanner planner;

	private final UpgradeLog log;

	private final UpgradeLock lock;

	private final TransactionTemplate transactions;

	private final String host;

	MarkAppliedCommand(LogPlanner planner, UpgradeLog log, UpgradeLock lock, TransactionTemplate transactions,
			String host) {
		this.planner = planner;
		this.log = log;
		this.lock = lock;
		this.transactions = transactions;
		this.host = host;
	}

	void markApplied(String id) {
		try (UpgradeLock.Held held = this.lock.acquire()) {
			UpgradeGraph.Node node = this.planner.graph().get(id);
			if (node == null) {
				throw new UpgraderException("Cannot mark " + id + " applied: the code has no upgrade with that id");
			}
			if (LogPlanner.ids(this.log.read()).contains(id)) {
				throw new UpgraderException("Cannot mark " + id + " applied: it is already in the log");
			}
			this.log.createIfMissing();
			this.transactions.executeWithoutResult((status) -> {
				this.log.record(List.of(new AppliedUpgrade(id, Instant.now(), AppliedUpgrade.Kind.MANUAL, null,
						this.host, PendingDescriptions.title(node.upgrade()))));
				this.log.clearFailure(id);
			});
			logger.info("Marked " + id + " applied by hand.");
		}
	}

}
