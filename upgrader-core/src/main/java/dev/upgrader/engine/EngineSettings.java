package dev.upgrader.engine;

import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgraderException;

/**
 * The settings of an engine that come from the application's configuration, in one value:
 * the single database's engine and every tenant's get the same.
 *
 * @param table the log table's name
 * @param lockMode which lock serializes runs, or {@code null} for the database's session
 * lock where it has one, else a lease
 * @param lockWaitTimeout how long a run waits for the lock
 * @param leaseDuration how long a lease lasts unless renewed
 * @param onChangedUpgrade what a run does when an applied upgrade's checksum changed
 * @param baseline the upgrade an empty log starts from, or {@code null}
 * @param rules the rules {@code check} reports on
 * @param upgradeWaitTimeout how long an upgrade's statements wait; zero leaves the
 * database's own settings
 * @since 0.1.0
 */
public record EngineSettings(String table, @Nullable LockMode lockMode, Duration lockWaitTimeout,
		Duration leaseDuration, OnChangedUpgrade onChangedUpgrade, @Nullable String baseline, UpgradeRules rules,
		Duration upgradeWaitTimeout) {

	/**
	 * Validates the table name.
	 * @throws UpgraderException when the table name is not a plain identifier
	 */
	public EngineSettings {
		UpgradeLog.validateTableName(table);
	}

	/**
	 * The defaults of the application properties: the table {@code upgrader_log}, the
	 * database's own lock waited for 5 minutes (leases of 30 seconds), a warning for
	 * changed upgrades, no baseline, the default rules and upgrades waiting 10 minutes.
	 * @return the defaults
	 */
	public static EngineSettings defaults() {
		return new EngineSettings("upgrader_log", null, Duration.ofMinutes(5), LeaseLock.DEFAULT_DURATION,
				OnChangedUpgrade.WARN, null, UpgradeRules.defaults(), UpgradeExecutor.DEFAULT_WAIT_TIMEOUT);
	}

	/**
	 * These settings with another log table.
	 * @param table the table name
	 * @return the new settings
	 */
	public EngineSettings withTable(String table) {
		return new EngineSettings(table, this.lockMode, this.lockWaitTimeout, this.leaseDuration, this.onChangedUpgrade,
				this.baseline, this.rules, this.upgradeWaitTimeout);
	}

	/**
	 * These settings with another lock.
	 * @param lockMode the lock, or {@code null} for the database's default
	 * @param waitTimeout how long a run waits for it
	 * @return the new settings
	 */
	public EngineSettings withLock(@Nullable LockMode lockMode, Duration waitTimeout) {
		return new EngineSettings(this.table, lockMode, waitTimeout, this.leaseDuration, this.onChangedUpgrade,
				this.baseline, this.rules, this.upgradeWaitTimeout);
	}

	/**
	 * These settings with another policy for changed upgrades and another baseline.
	 * @param onChangedUpgrade what a run does when an applied upgrade's checksum changed
	 * @param baseline the upgrade an empty log starts from, or {@code null}
	 * @return the new settings
	 */
	public EngineSettings withHistory(OnChangedUpgrade onChangedUpgrade, @Nullable String baseline) {
		return new EngineSettings(this.table, this.lockMode, this.lockWaitTimeout, this.leaseDuration, onChangedUpgrade,
				baseline, this.rules, this.upgradeWaitTimeout);
	}

	/**
	 * Creates the lock the settings choose for the log table.
	 * @param dataSource the database, whose connections work in the log's schema
	 * @param dialect its dialect
	 * @param schema the log's schema when it is a tenant's, else {@code null}: session
	 * locks are server-wide, so a tenant's is named after its schema too, while its lease
	 * table lands in its schema beside its log
	 * @return the lock
	 * @throws UpgraderException when the session lock is asked of a database without one
	 */
	public UpgradeLock lock(DataSource dataSource, DatabaseDialect dialect, @Nullable String schema) {
		LockMode mode = this.lockMode;
		if (mode == null) {
			mode = dialect.hasSessionLock() ? LockMode.SESSION : LockMode.LEASE;
		}
		if (mode == LockMode.SESSION) {
			if (!dialect.hasSessionLock()) {
				throw new UpgraderException("Invalid upgrader.lock.mode 'session': " + dialect
						+ " has no lock bound to a session that Upgrader knows; use upgrader.lock.mode=lease");
			}
			return dialect.lock(dataSource, (schema != null) ? schema + "." + this.table : this.table,
					this.lockWaitTimeout);
		}
		return dialect.leaseLock(dataSource, this.table, this.lockWaitTimeout, this.leaseDuration);
	}

	/**
	 * Gives an engine the settings it takes after its creation.
	 * @param engine the engine
	 */
	public void applyTo(UpgradeEngine engine) {
		engine.setRules(this.rules);
		engine.setUpgradeWaitTimeout(this.upgradeWaitTimeout);
		engine.setOnChangedUpgrade(this.onChangedUpgrade);
		engine.setBaseline(this.baseline);
	}

	/**
	 * Which lock serializes runs.
	 */
	public enum LockMode {

		/** A lock of the database session, released when its holder dies. */
		SESSION,

		/** A row of the lock table with an expiry on the database's clock. */
		LEASE

	}

}
