package dev.upgrader.engine;

import java.util.List;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.UpgradeFailure;

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
	 * Creates the table, and the table of failures, unless they exist. Callers hold the
	 * upgrade lock, so concurrent instances do not race on it.
	 */
	void createIfMissing();

	/**
	 * Reads every row, oldest first (ties by id).
	 * @return the rows; empty when the table does not exist
	 */
	List<AppliedUpgrade> read();

	/**
	 * Writes rows, in the caller's transaction if there is one.
	 * @param rows the rows
	 */
	void record(List<AppliedUpgrade> rows);

	/**
	 * Reads the failures of upgrades not applied since.
	 * @return the failures, oldest first; empty when the table does not exist
	 */
	List<UpgradeFailure> failures();

	/**
	 * Records a failed attempt, counting it on top of earlier attempts.
	 * @param failure the attempt; its {@code attempts} is ignored
	 */
	void recordFailure(UpgradeFailure failure);

	/**
	 * Forgets the failures of an upgrade, in the caller's transaction if there is one.
	 * @param id the upgrade id
	 */
	void clearFailure(String id);

}
