package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgradeLockException;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Base of the session-bound locks: opens the dedicated connection, has the database wait
 * for the lock until the wait timeout passes, and releases both on close.
 */
abstract class LockConnection implements UpgradeLock {

	/**
	 * The pause before trying again when the database gave up before the deadline, as H2
	 * does while another session creates the lock row.
	 */
	private static final Duration RETRY = Duration.ofMillis(50);

	/** How long releasing a lost lock may wait for the database. */
	private static final Duration LOST_NETWORK_TIMEOUT = Duration.ofSeconds(5);

	private final DataSource dataSource;

	private final Duration waitTimeout;

	LockConnection(DataSource dataSource, Duration waitTimeout) {
		this.dataSource = dataSource;
		this.waitTimeout = waitTimeout;
	}

	/**
	 * Takes the lock on the given connection, the database waiting for it at most the
	 * given time; the connection's session settings are left as they were.
	 * @return whether the lock is taken
	 */
	abstract boolean tryLock(Connection connection, Duration wait) throws SQLException;

	/** Releases the lock taken on the connection. */
	abstract void unlock(Connection connection) throws SQLException;

	/** Describes who holds the lock, or {@code null} when it is free. */
	abstract @Nullable String holder(Connection connection) throws SQLException;

	/**
	 * Tells the database who holds the lock, where it can show it to others.
	 * @return what to give {@link #forget} to restore the connection's own identity
	 */
	@Nullable String identify(Connection connection, String holder) throws SQLException {
		return null;
	}

	/** Gives the connection its own identity back, before it returns to the pool. */
	void forget(Connection connection, @Nullable String identity) throws SQLException {
	}

	/** What is locked, for messages. */
	abstract String name();

	/**
	 * Checks that the connection's database session still holds the lock, which a
	 * connection pooler in transaction mode does not guarantee.
	 * @throws UpgradeLockException when it does not
	 */
	void requireSession(Connection connection) throws SQLException {
	}

	@Override
	public Held acquire() {
		Connection connection = open();
		try {
			long deadline = System.nanoTime() + this.waitTimeout.toNanos();
			while (!tryLock(connection, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
				if (System.nanoTime() >= deadline) {
					String holder = Objects.requireNonNullElse(holder(connection),
							"an unknown session (released meanwhile)");
					throw new UpgradeLockException("Timed out after " + this.waitTimeout
							+ " waiting for the upgrade lock " + name() + ", held by " + holder
							+ ". Raise upgrader.lock.wait-timeout if a long run is under way.");
				}
				Thread.sleep(Math.min(RETRY.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
			}
			try {
				requireSession(connection);
			}
			catch (UpgradeLockException ex) {
				try {
					unlock(connection);
				}
				catch (SQLException unlockFailure) {
					closePhysically(connection);
				}
				throw ex;
			}
			String identity = identify(connection,
					"upgrader on " + HostName.VALUE + " pid " + ProcessHandle.current().pid());
			return new SessionHeld(connection, identity);
		}
		catch (SQLException ex) {
			JdbcUtils.closeConnection(connection);
			throw new UpgradeLockException("Cannot take the upgrade lock " + name() + ": " + RootCause.message(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			JdbcUtils.closeConnection(connection);
			throw new UpgradeLockException("Interrupted while waiting for the upgrade lock " + name(), ex);
		}
		catch (RuntimeException ex) {
			JdbcUtils.closeConnection(connection);
			throw ex;
		}
	}

	@Override
	public Optional<String> holder() {
		Connection connection = open();
		try {
			return Optional.ofNullable(holder(connection));
		}
		catch (SQLException ex) {
			throw new UpgradeLockException(
					"Cannot find who holds the upgrade lock " + name() + ": " + RootCause.message(ex), ex);
		}
		finally {
			JdbcUtils.closeConnection(connection);
		}
	}

	private Connection open() {
		try {
			return this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new UpgradeLockException("Cannot open a connection for the upgrade lock: " + RootCause.message(ex),
					ex);
		}
	}

	private static void closePhysically(Connection connection) {
		try {
			connection.unwrap(Connection.class).close();
		}
		catch (SQLException ex) {
			// Nothing more can be done; the pool validates connections before reuse.
		}
	}

	private static void boundNetworkWaits(Connection connection) {
		try {
			connection.setNetworkTimeout(Runnable::run, (int) LOST_NETWORK_TIMEOUT.toMillis());
		}
		catch (SQLException | UnsupportedOperationException ex) {
			// The driver cannot bound it: closing the connection physically still does.
		}
	}

	private void release(Connection connection, @Nullable String identity) {
		try {
			unlock(connection);
			forget(connection, identity);
		}
		catch (SQLException ex) {
			// A pool would keep the session, and the lock with it: end the physical
			// session.
			closePhysically(connection);
		}
		finally {
			JdbcUtils.closeConnection(connection);
		}
	}

	/** A lock held by the session of a dedicated connection. */
	private final class SessionHeld implements Held {

		private final Connection connection;

		private final @Nullable String identity;

		SessionHeld(Connection connection, @Nullable String identity) {
			this.connection = connection;
			this.identity = identity;
		}

		@Override
		public void verify() {
			boolean valid;
			try {
				valid = this.connection.isValid(5);
			}
			catch (SQLException ex) {
				valid = false;
			}
			if (!valid) {
				// The release must not wait for ever for a database that stopped
				// answering.
				boundNetworkWaits(this.connection);
				throw new UpgradeLockException("The connection holding the upgrade lock " + name()
						+ " was lost, so another instance may take the lock: stopping the run");
			}
			try {
				requireSession(this.connection);
			}
			catch (SQLException ex) {
				throw new UpgradeLockException("Cannot check that the session holding the upgrade lock " + name()
						+ " still holds it: " + RootCause.message(ex), ex);
			}
		}

		@Override
		public void close() {
			release(this.connection, this.identity);
		}

	}

}
