package dev.upgrader.autoconfigure;

import javax.sql.DataSource;

import dev.upgrader.UpgraderException;
import dev.upgrader.autoconfigure.UpgraderProperties.LockMode;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeLock;

/**
 * The lock that {@code upgrader.lock.mode} chooses: the dialect's session lock, or its
 * lease lock; unset, the session lock where the database has one.
 */
final class ConfiguredLock {

	private ConfiguredLock() {
	}

	static UpgradeLock create(DataSource dataSource, DatabaseDialect dialect, String table,
			UpgraderProperties.Lock properties) {
		LockMode mode = properties.getMode();
		if (mode == null) {
			mode = dialect.hasSessionLock() ? LockMode.SESSION : LockMode.LEASE;
		}
		if (mode == LockMode.SESSION) {
			if (!dialect.hasSessionLock()) {
				throw new UpgraderException("Invalid upgrader.lock.mode 'session': " + dialect
						+ " has no lock bound to a session that Upgrader knows; use upgrader.lock.mode=lease");
			}
			return dialect.lock(dataSource, table, properties.getWaitTimeout());
		}
		return dialect.leaseLock(dataSource, table, properties.getWaitTimeout(), properties.getLeaseDuration());
	}

}
