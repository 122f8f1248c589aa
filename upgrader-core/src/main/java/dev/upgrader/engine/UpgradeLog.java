package dev.upgrader.engine;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.UpgradeFailure;
import dev.upgrader.UpgraderException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table that records which upgrades were applied to this database, and beside it the
 * failed attempts. Invariant: a row means the upgrade is applied; rows are never deleted
 * by the engine. The default, {@link #jdbc(DataSource, String, DatabaseDialect)}, keeps
 * both in tables of the upgraded database; declare a bean to keep them elsewhere.
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
	 * Brings a log table of an earlier version up to date ({@link #createIfMissing()}),
	 * and creates nothing when there is no log table. Callers hold the upgrade lock.
	 * @since 0.1.0
	 */
	default void upgradeIfPresent() {
		if (exists()) {
			createIfMissing();
		}
	}

	/**
	 * Reads the log if it is in place in this version's shape, so that it can be read
	 * without changing it first: a run that finds nothing pending in such a log needs no
	 * lock.
	 * @return the rows, as {@link #read()} returns them, when it is; empty (the default)
	 * when it is not or when that is unknown
	 * @since 0.1.0
	 */
	default Optional<List<AppliedUpgrade>> readIfCurrent() {
		return Optional.empty();
	}

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
	 * Replaces the checksum recorded for an applied upgrade, after an admin reviewed a
	 * change to it; in the caller's transaction if there is one.
	 * @param id the upgrade id, which must have a row
	 * @param checksum the new checksum
	 * @throws UpgraderException when the log has no row for the id, or cannot store
	 * checksums (the default)
	 */
	default void updateChecksum(String id, @Nullable String checksum) {
		throw new UpgraderException("The upgrade log " + getClass().getName() + " cannot record checksums");
	}

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

	/**
	 * Creates the default log: the given table and, beside it, the table of failures (the
	 * name with {@code _failure} appended), created on demand with the dialect's DDL.
	 * Creating it runs no SQL.
	 * @param dataSource the upgraded database
	 * @param table the log table's name, a plain SQL identifier
	 * @param dialect the database's dialect
	 * @return the log
	 * @throws UpgraderException when the table name is not a plain identifier
	 * @see #validateTableName(String)
	 */
	static UpgradeLog jdbc(DataSource dataSource, String table, DatabaseDialect dialect) {
		return new JdbcUpgradeLog(new JdbcTemplate(dataSource), table, dialect);
	}

	/**
	 * Checks that a name suits the default log's table: a letter, then letters, digits or
	 * underscores, at most 55 characters (room for the {@code _failure} and {@code _lock}
	 * tables beside it within every database's limit).
	 * @param table the name
	 * @return the name
	 * @throws UpgraderException naming the value otherwise
	 */
	static String validateTableName(@Nullable String table) {
		return JdbcUpgradeLog.validateTableName(table);
	}

}
