package dev.upgrader.engine;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.UpgraderException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code accept-change} command: after review, records the current checksum of an
 * applied upgrade whose code changed, under the lock.
 */
final class AcceptChangeCommand {

	private static final Log logger = LogFactory.getLog(AcceptChangeCommand.class);

	private final LogPlanner planner;

	private final UpgradeLog log;

	private final UpgradeLock lock;

	private final TransactionTemplate transactions;

	AcceptChangeCommand(LogPlanner planner, UpgradeLog log, UpgradeLock lock, TransactionTemplate transactions) {
		this.planner = planner;
		this.log = log;
		this.lock = lock;
		this.transactions = transactions;
	}

	void acceptChange(@Nullable String id) {
		if (id == null || id.isBlank()) {
			throw new UpgraderException("Give the id of the changed upgrade to accept");
		}
		try (UpgradeLock.Held held = this.lock.acquire()) {
			this.log.createIfMissing();
			AppliedUpgrade row = this.log.read()
				.stream()
				.filter((candidate) -> candidate.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new UpgraderException("Cannot accept a change to " + id
						+ ": it is not in the log (only applied upgrades are checked)"));
			UpgradeGraph.Node node = this.planner.graph().get(id);
			if (node == null) {
				throw new UpgraderException(
						"Cannot accept a change to " + id + ": the code has no upgrade with that id (a ghost)");
			}
			if (!ChangedUpgrades.differs(row, node)) {
				throw new UpgraderException("Nothing to accept for " + id + ": its checksum "
						+ ((row.checksum() != null) ? row.checksum() : "(none)") + " matches the log");
			}
			String checksum = node.upgrade().checksum();
			this.transactions.executeWithoutResult((status) -> {
				held.verify();
				this.log.updateChecksum(id, checksum);
			});
			logger.info("Accepted the change to " + id + ": recorded checksum " + checksum + " (was " + row.checksum()
					+ ").");
		}
	}

}
