package dev.upgrader.engine;

import java.sql.SQLTransientConnectionException;

import dev.upgrader.UpgradeFailedException;
import dev.upgrader.UpgraderException;

/**
 * Explains a pool that has no connection left for a run: the session lock keeps a
 * connection of its own for the whole run, which a pool of one connection cannot spare
 * (#11).
 */
final class PoolExhaustion {

	private PoolExhaustion() {
	}

	/**
	 * Explains the failure when a pool timed out handing out a connection.
	 * @param failure what the run threw while it held the lock
	 * @return the explained failure, or the failure itself
	 */
	static RuntimeException explain(RuntimeException failure) {
		if (failure instanceof UpgradeFailedException || !timedOutGettingAConnection(failure)) {
			return failure;
		}
		return new UpgraderException("The connection pool had no connection left for the run while the upgrade lock"
				+ " holds one of its own for the whole run: give the pool at least 2 connections, more if the"
				+ " application uses it meanwhile, or give Upgrader its own connection (upgrader.url). "
				+ RootCause.message(failure), failure);
	}

	private static boolean timedOutGettingAConnection(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

}
