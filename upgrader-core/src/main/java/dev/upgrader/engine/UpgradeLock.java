package dev.upgrader.engine;

import java.util.Optional;

import dev.upgrader.UpgradeLockException;

/**
 * The database-wide lock around every run and every populate, so that application
 * instances starting together never apply an upgrade twice.
 * <p>
 * A crashed holder must not keep the lock: the session locks, from
 * {@link DatabaseDialect#lock}, are bound to the database session of a dedicated
 * connection, which the database ends with the process; the lease lock, from
 * {@link DatabaseDialect#leaseLock}, expires unless its holder renews it. Declare a bean
 * to guard runs another way. Implementations are shared, so each {@link #acquire()}
 * stands on its own.
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
		 * Checks that the lock is still held. The engine calls it before each upgrade
		 * and, inside each transaction that writes the log, just before the write, so
		 * that a lock kept in a table can check (and keep) itself in that transaction.
		 * @throws UpgradeLockException when the lock was lost, e.g. its session ended or
		 * its lease was taken over
		 */
		default void verify() {
		}

		/** Releases the lock; never throws. */
		@Override
		void close();

	}

}
