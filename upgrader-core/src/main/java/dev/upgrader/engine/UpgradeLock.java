package dev.upgrader.engine;

import java.util.Optional;

import dev.upgrader.UpgradeLockException;

/**
 * The database-wide lock around every run and every populate, so that application
 * instances starting together never apply an upgrade twice.
 * <p>
 * Implementations hold the lock on a dedicated connection that is bound to the database
 * session, so a crashed process never leaves it held: the database releases it when the
 * session ends.
 *
 * @since 0.1.0
 */
public interface UpgradeLock {

	/**
	 * Waits for the lock.
	 * @return the held lock; closing it releases the lock and its connection
	 * @throws UpgradeLockException when the lock is not free within the wait timeout (the
	 * message names the holder where the database can tell) or cannot be used
	 */
	Held acquire();

	/**
	 * Describes who holds the lock now, for operators.
	 * @return the holder, or empty when the lock is free
	 * @throws UpgradeLockException when the database cannot be asked
	 */
	Optional<String> holder();

	/**
	 * A held lock.
	 */
	interface Held extends AutoCloseable {

		/**
		 * Checks that the lock is still held; the engine calls it before each upgrade.
		 * @throws UpgradeLockException when the lock was lost, e.g. its session ended
		 */
		default void verify() {
		}

		/** Releases the lock; never throws. */
		@Override
		void close();

	}

}
