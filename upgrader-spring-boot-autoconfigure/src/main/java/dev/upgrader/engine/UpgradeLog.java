package dev.upgrader.engine;

import java.util.List;

import dev.upgrader.AppliedUpgrade;

/**
 * The table that records which upgrades were applied to this database. Invariant: a row
 * means the upgrade is applied; rows are never deleted by the engine.
 *
 * @since 0.1.0
 */
public interface UpgradeLog {

	/**
	 * Whether the table exists.
	 * @return {@code true} when it exists
	 */
	boolean exists();

	/**
	 * Creates the table unless it exists. Callers hold the upgrade lock, so concurrent
	 * instances do not race on it.
	 */
	void createIfMissing();

	/**
	 * Reads every row, oldest first (ties by id).
	 * @return the rows; empty when the table does not exist
	 */
	List<AppliedUpgrade> read();

	/**
	 * Creates the table unless it exists, then reads every row: what a run or a populate
	 * does first. Implementations may look the table up once instead of twice (#6).
	 * @return the rows, oldest first (ties by id)
	 */
	default List<AppliedUpgrade> createIfMissingAndRead() {
		createIfMissing();
		return read();
	}

	/**
	 * Writes rows, in the caller's transaction if there is one.
	 * @param rows the rows
	 */
	void record(List<AppliedUpgrade> rows);

}
