package dev.upgrader.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgradeLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lease in the row of {@link LeaseTable}: taken when free or expired, renewed by a
 * heartbeat thread while held, and fenced: {@link Held#verify()} renews it in the
 * caller's transaction, so a log write commits only while this instance still holds the
 * lease, and no other instance can take it before that transaction ends. It binds nothing
 * to a database session, so it works where sessions are not kept (PgBouncer in
 * transaction mode, RDS Proxy) and on databases without a session lock.
 */
final class LeaseLock implements UpgradeLock {

	private static final Log logger = LogFactory.getLog(LeaseLock.class);

	/** The lease's duration where no setting gives one. */
	static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(200);

	private final LeaseTable table;

	private final Duration waitTimeout;

	private final Duration heartbeat;

	LeaseLock(DataSource dataSource, String lockTable, DatabaseDialect dialect, Duration waitTimeout,
			Duration leaseDuration) {
		if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new UpgradeLockException(
					"Invalid lease duration " + leaseDuration + " for the upgrade lease: use at least 1 second");
		}
		this.table = new LeaseTable(new JdbcTemplate(dataSource), lockTable, dialect, leaseDuration);
		this.waitTimeout = waitTimeout;
		this.heartbeat = leaseDuration.dividedBy(3);
	}

	@Override
	public Held acquire() {
		String token = UUID.randomUUID().toString();
		long pid = ProcessHandle.current().pid();
		try {
			this.table.createIfMissing();
			long deadline = System.nanoTime() + this.waitTimeout.toNanos();
			while (true) {
				LeaseTable.Lease lease = this.table.read();
				if (lease.free() && this.table.take(lease, token, HostName.VALUE, pid)) {
					if (lease.token() != null) {
						logger.warn("Took over the upgrade lease on " + this.table.name() + " from " + lease.describe()
								+ ": that instance ended or lost the database without giving it back");
					}
					return new LeaseHeld(token);
				}
				if (System.nanoTime() >= deadline) {
					throw new UpgradeLockException("Timed out after " + this.waitTimeout
							+ " waiting for the upgrade lock (lease on " + this.table.name() + "), held by "
							+ (lease.free() ? "another instance that just took it" : lease.describe())
							+ ". Raise upgrader.lock.wait-timeout if a long run is under way.");
				}
				Thread.sleep(POLL.toMillis());
			}
		}
		catch (DataAccessException ex) {
			throw new UpgradeLockException(
					"Cannot take the upgrade lease on " + this.table.name() + ": " + RootCause.message(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UpgradeLockException("Interrupted while waiting for the upgrade lease on " + this.table.name(),
					ex);
		}
	}

	@Override
	public Optional<String> holder() {
		try {
			LeaseTable.Lease lease = this.table.read();
			return lease.free() ? Optional.empty() : Optional.of(lease.describe());
		}
		catch (BadSqlGrammarException ex) {
			// No lease table yet: nobody ever took the lease.
			return Optional.empty();
		}
		catch (DataAccessException ex) {
			throw new UpgradeLockException(
					"Cannot find who holds the upgrade lease on " + this.table.name() + ": " + RootCause.message(ex),
					ex);
		}
	}

	/** A lease this instance holds, renewed by a daemon thread until closed or lost. */
	private final class LeaseHeld implements Held {

		private final String token;

		private final ScheduledExecutorService heartbeat;

		private volatile @Nullable String lost;

		LeaseHeld(String token) {
			this.token = token;
			this.heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "upgrader-lease-heartbeat");
				thread.setDaemon(true);
				return thread;
			});
			long period = LeaseLock.this.heartbeat.toMillis();
			this.heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
		}

		private void beat() {
			try {
				if (!LeaseLock.this.table.renew(this.token)) {
					lose();
				}
			}
			catch (RuntimeException ex) {
				// The next beat, or the check before the next log write, decides.
				logger.warn("Could not renew the upgrade lease on " + LeaseLock.this.table.name() + ": "
						+ RootCause.message(ex));
			}
		}

		private void lose() {
			String now;
			try {
				LeaseTable.Lease lease = LeaseLock.this.table.read();
				now = lease.free() ? "it expired" : "it is now held by " + lease.describe();
			}
			catch (RuntimeException ex) {
				now = "it expired or was taken over";
			}
			this.lost = "The upgrade lease " + this.token + " on " + LeaseLock.this.table.name() + " was lost (" + now
					+ "), so another instance may run upgrades: stopping the run";
			logger.error(this.lost);
			this.heartbeat.shutdown();
		}

		@Override
		public void verify() {
			String lost = this.lost;
			if (lost == null) {
				boolean held;
				try {
					held = LeaseLock.this.table.renew(this.token);
				}
				catch (DataAccessException ex) {
					throw new UpgradeLockException(
							"Cannot check the upgrade lease on " + LeaseLock.this.table.name()
									+ ", so another instance may hold it: stopping the run: " + RootCause.message(ex),
							ex);
				}
				if (!held) {
					lose();
				}
				lost = this.lost;
			}
			if (lost != null) {
				throw new UpgradeLockException(lost);
			}
		}

		@Override
		public void close() {
			this.heartbeat.shutdownNow();
			if (this.lost != null) {
				return;
			}
			try {
				LeaseLock.this.table.release(this.token);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not give the upgrade lease on " + LeaseLock.this.table.name()
						+ " back; it expires by itself: " + RootCause.message(ex));
			}
		}

	}

}
