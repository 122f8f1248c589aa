package dev.upgrader.engine;

import java.time.Instant;
import java.util.List;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the log rows of the commands that record upgrades as in place without running
 * them (baseline, populate, mark-applied, the Flyway import): in one transaction that
 * first checks that the caller still holds the lock, so that a lock lost to another
 * instance never lets two writers record the same upgrade.
 */
final class InPlaceRows {

	private final UpgradeLog log;

	private final TransactionTemplate transactions;

	private final UpgradeListener listener;

	private final String host;

	InPlaceRows(UpgradeLog log, TransactionTemplate transactions, UpgradeListener listener, String host) {
		this.log = log;
		this.transactions = transactions;
		this.listener = listener;
		this.host = host;
	}

	/** The row that records an upgrade as in place without running it. */
	AppliedUpgrade row(String id, Upgrade upgrade, Instant at, AppliedUpgrade.Kind kind) {
		return new AppliedUpgrade(id, at, kind, null, this.host, PendingDescriptions.title(upgrade),
				upgrade.checksum());
	}

	/**
	 * Writes the rows and tells the listeners that they were recorded.
	 * @param held the lock the caller holds
	 * @param rows the rows
	 */
	void record(UpgradeLock.Held held, List<AppliedUpgrade> rows) {
		record(held, rows, () -> {
		});
	}

	/**
	 * Writes the rows and tells the listeners that they were recorded.
	 * @param held the lock the caller holds
	 * @param rows the rows
	 * @param alsoInTheTransaction more work on the log that must commit with the rows
	 */
	void record(UpgradeLock.Held held, List<AppliedUpgrade> rows, Runnable alsoInTheTransaction) {
		write(held, rows, alsoInTheTransaction);
		this.listener.recorded(rows);
	}

	/**
	 * Writes the rows without telling the listeners.
	 * @param held the lock the caller holds
	 * @param rows the rows
	 * @param alsoInTheTransaction more work on the log that must commit with the rows
	 */
	void write(UpgradeLock.Held held, List<AppliedUpgrade> rows, Runnable alsoInTheTransaction) {
		this.log.createIfMissing();
		this.transactions.executeWithoutResult((status) -> {
			held.verify();
			this.log.record(rows);
			alsoInTheTransaction.run();
		});
	}

}
