package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeCheckException;
import dev.upgrader.UpgradeContext;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.UpgradeFailure;
import dev.upgrader.UpgradeListener;
import dev.upgrader.UpgradeLockException;
import dev.upgrader.UpgraderException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a valid plan: every pre-check, then each upgrade with its log row in one
 * transaction, then every post-check. The caller holds the lock.
 */
final class UpgradeExecutor {

	private static final Log logger = LogFactory.getLog(UpgradeExecutor.class);

	/** How long the rollback after a lost lock may wait for the database. */
	private static final Duration LOST_LOCK_NETWORK_TIMEOUT = Duration.ofSeconds(10);

	/** The default of {@code upgrader.upgrade-wait-timeout}. */
	static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(10);

	/** PostgreSQL's lock_not_available and idle_in_transaction_session_timeout. */
	private static final Set<String> WAIT_ENDED = Set.of("55P03", "25P03");

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final UpgradeLog log;

	private final TransactionTemplate transactions;

	private final DatabaseDialect dialect;

	private final String host;

	private volatile Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;

	UpgradeExecutor(JdbcTemplate jdbc, UpgradeLog log, TransactionTemplate transactions, DatabaseDialect dialect,
			String host) {
		this.jdbc = jdbc;
		this.dataSource = jdbc.getDataSource();
		this.log = log;
		this.transactions = transactions;
		this.dialect = dialect;
		this.host = host;
	}

	/** Sets the bound of an upgrade's waits; zero leaves the database's own. */
	void setWaitTimeout(Duration waitTimeout) {
		this.waitTimeout = waitTimeout;
	}

	/** Runs the pre-checks of every upgrade, collecting every failure. */
	List<CheckReport.Problem> preChecks(List<UpgradeGraph.Node> plan, RunOptions options, List<String> warnings) {
		return checks(plan, options, warnings, Upgrade::preUpgrade);
	}

	/**
	 * Applies the plan, described by {@code pending} in the same order, reporting each
	 * upgrade to the listener. Stops at the first failure, which is reported through the
	 * listener and thrown.
	 */
	void apply(List<UpgradeGraph.Node> plan, List<PendingUpgrade> pending, RunOptions options, List<String> warnings,
			Set<String> failedBefore, UpgradeLock.Held lock, UpgradeListener listener) {
		List<UpgradeGraph.Node> applied = new ArrayList<>();
		listener.runStarting(pending);
		for (int i = 0; i < plan.size(); i++) {
			UpgradeGraph.Node node = plan.get(i);
			PendingUpgrade upgrade = pending.get(i);
			lock.verify();
			listener.upgradeStarting(upgrade, i + 1, plan.size());
			logger
				.info("Applying " + upgrade.id() + " (" + upgrade.title() + ") [" + (i + 1) + "/" + plan.size() + "]");
			long start = System.nanoTime();
			try {
				Duration took = applyOne(node, upgrade, options, warnings, failedBefore.contains(upgrade.id()), lock);
				listener.upgradeApplied(upgrade, took);
				applied.add(node);
			}
			catch (UpgradeBodyException ex) {
				throw failed(upgrade, start, ex.getCause(), applied, listener, ex.autoCommitted);
			}
			catch (UpgradeLockException ex) {
				// Not the upgrade's failure: no failure row, which the lock's new holder
				// would not expect.
				listener.upgradeFailed(upgrade, Duration.ofNanos(System.nanoTime() - start), ex);
				throw new UpgradeLockException("Stopped at upgrade " + upgrade.id() + ", which was not recorded: "
						+ ex.getMessage() + ". " + failureDetail(applied, false), ex);
			}
			catch (TransactionSystemException ex) {
				// A rollback that failed too (e.g. the session died) hides the upgrade's
				// own failure.
				if (ex.getApplicationException() instanceof UpgradeBodyException body) {
					throw failed(upgrade, start, body.getCause(), applied, listener, body.autoCommitted);
				}
				if (ex.getApplicationException() instanceof UpgradeLockException lost) {
					// The lost lock, not the rollback that failed after it, is what
					// operators must read (#11).
					throw failed(upgrade, start, lost, applied, listener, false);
				}
				// What the upgrade threw, not the rollback that failed after it, tells
				// what
				// happened; the rollback's failure stays attached as its cause's sibling.
				Throwable cause = (ex.getApplicationException() != null) ? ex.getApplicationException() : ex;
				if (cause != ex) {
					cause.addSuppressed(ex);
				}
				throw failed(upgrade, start, cause, applied, listener, false);
			}
			catch (TransactionException ex) {
				throw failed(upgrade, start, ex, applied, listener, false);
			}
		}
		List<CheckReport.Problem> post = checks(plan, options, warnings, Upgrade::postUpgrade);
		if (!post.isEmpty()) {
			throw new UpgradeCheckException("Post-upgrade", post);
		}
	}

	private Duration applyOne(UpgradeGraph.Node node, PendingUpgrade upgrade, RunOptions options, List<String> warnings,
			boolean failedBefore, UpgradeLock.Held lock) {
		UpgradeContext context = new DefaultUpgradeContext(upgrade.id(), this.jdbc, this.dialect.name(), options,
				warnings);
		return this.transactions.execute((status) -> {
			requireBoundConnection(upgrade.id());
			limitWaits();
			long start = System.nanoTime();
			try {
				node.upgrade().doUpgrade(context);
			}
			catch (Exception | Error ex) {
				// An Error too (a StackOverflowError of a deep recursion, an
				// OutOfMemoryError of a big load) is this upgrade's failure, to record.
				throw new UpgradeBodyException(ex, turnedOffAutoCommit());
			}
			if (turnedOffAutoCommit()) {
				context.warn("it turned on auto-commit on its connection, so each of its statements committed as it"
						+ " ran, apart from its log row");
			}
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			// A lock lost meanwhile may let another instance run this upgrade: do not
			// commit it. A lease checks in this transaction, so it holds until the
			// commit.
			verify(lock);
			try {
				this.log.record(List.of(new AppliedUpgrade(upgrade.id(), Instant.now(), AppliedUpgrade.Kind.RUN, took,
						this.host, upgrade.title(), node.upgrade().checksum())));
				if (failedBefore) {
					this.log.clearFailure(upgrade.id());
				}
			}
			catch (RuntimeException ex) {
				throw new UpgradeBodyException(ex, false);
			}
			return took;
		});
	}

	/**
	 * Checks the lock before the commit. A lock lost to a network partition leaves the
	 * transaction's connection without an answer too: the rollback that follows must give
	 * up after a while rather than wait for ever (#11).
	 */
	private void verify(UpgradeLock.Held lock) {
		try {
			lock.verify();
		}
		catch (UpgradeLockException ex) {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				// A lease taken over by another instance leaves an answering database,
				// whose rollback needs no bound.
				if (!connection.isValid(1)) {
					connection.setNetworkTimeout(Runnable::run, (int) LOST_LOCK_NETWORK_TIMEOUT.toMillis());
				}
			}
			catch (SQLException | UnsupportedOperationException notSupported) {
				// The driver cannot bound it: the database's own timeouts have to.
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
			throw ex;
		}
	}

	private void limitWaits() {
		Duration timeout = this.waitTimeout;
		if (timeout.isZero()) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			this.dialect.limitWaits(connection, timeout);
		}
		catch (SQLException ex) {
			throw new UpgradeBodyException(ex, false);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Puts the transaction's connection back into the transaction when the upgrade turned
	 * on auto-commit: what it ran is committed already, and the log row must still commit
	 * with the transaction, or roll back with it (#11).
	 * @return whether the upgrade had turned on auto-commit
	 */
	private boolean turnedOffAutoCommit() {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			if (!connection.getAutoCommit()) {
				return false;
			}
			connection.setAutoCommit(false);
			return true;
		}
		catch (SQLException ex) {
			// A connection that cannot tell is broken: the commit or rollback reports it.
			return false;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * The upgrade's statements and its log row commit together only when the transaction
	 * holds a connection of the upgraded DataSource, as {@code ctx.jdbc()} looks it up.
	 */
	private void requireBoundConnection(String id) {
		if (!TransactionSynchronizationManager.hasResource(this.dataSource)) {
			throw new UpgradeBodyException(new UpgraderException("Upgrade " + id + " cannot run in the transactions of "
					+ this.transactions.getTransactionManager()
					+ ": they hold no connection of the upgraded DataSource, so the upgrade and its log row would"
					+ " not commit together. Give Upgrader a transaction manager on that DataSource (a"
					+ " DataSourceTransactionManager, or a JpaTransactionManager whose EntityManagerFactory uses it)."),
					false);
		}
	}

	private UpgradeFailedException failed(PendingUpgrade upgrade, long start, Throwable cause,
			List<UpgradeGraph.Node> applied, UpgradeListener listener, boolean autoCommitted) {
		listener.upgradeFailed(upgrade, Duration.ofNanos(System.nanoTime() - start), cause);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		UpgradeFailedException failure = new UpgradeFailedException(upgrade.id(),
				failureDetail(applied, autoCommitted) + waitedTooLong(cause, took), cause);
		recordFailure(upgrade.id(), cause);
		return failure;
	}

	/**
	 * Keeps the attempt for operators; a log that cannot take it must not hide the
	 * failure.
	 */
	private void recordFailure(String id, Throwable cause) {
		try {
			this.transactions.executeWithoutResult((status) -> this.log
				.recordFailure(new UpgradeFailure(id, Instant.now(), 1, RootCause.message(cause), this.host)));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the failure of " + id + ": " + RootCause.message(ex));
		}
	}

	/**
	 * Names the bound when the database ended the upgrade's wait, so that operators know
	 * what to raise or which wait to look for.
	 */
	private String waitedTooLong(Throwable cause, Duration took) {
		Duration timeout = this.waitTimeout;
		if (timeout.isZero() || took.compareTo(timeout) < 0) {
			return "";
		}
		List<Throwable> failures = new ArrayList<>(List.of(cause));
		failures.addAll(List.of(cause.getSuppressed()));
		for (Throwable failure : failures) {
			if (endedByTheDatabase(failure)) {
				return " The database ended its transaction or a statement after upgrader.upgrade-wait-timeout ("
						+ timeout + "): it waited that long for a lock, or for its own code while its transaction was"
						+ " open (e.g. a statement on a connection of its own waiting for a row its transaction"
						+ " locked).";
			}
		}
		return "";
	}

	/** A wait ended by the database, or the connection it closed for it. */
	private static boolean endedByTheDatabase(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SQLException sql && sql.getSQLState() != null
					&& (WAIT_ENDED.contains(sql.getSQLState()) || sql.getSQLState().startsWith("08"))) {
				return true;
			}
		}
		return false;
	}

	private String failureDetail(List<UpgradeGraph.Node> applied, boolean autoCommitted) {
		String kept = applied.isEmpty() ? "No upgrade of this run was applied."
				: applied.size() + " upgrade(s) applied before it stay recorded.";
		String rollback = autoCommitted
				? "It turned on auto-commit on its connection, so the statements it ran committed as they ran and"
						+ " were not rolled back: review the database before running again."
				: this.dialect.transactionalDdl()
						? "Its changes in the run's transaction were rolled back; what it committed on a connection"
								+ " of its own stays."
						: "Its data changes were rolled back, but DDL it executed may have been committed ("
								+ this.dialect + " does not roll back DDL): review the database before running again.";
		return rollback + " " + kept;
	}

	private List<CheckReport.Problem> checks(List<UpgradeGraph.Node> plan, RunOptions options, List<String> warnings,
			Hook hook) {
		List<CheckReport.Problem> problems = new ArrayList<>();
		for (UpgradeGraph.Node node : plan) {
			String id = node.id().value();
			try {
				hook.call(node.upgrade(),
						new DefaultUpgradeContext(id, this.jdbc, this.dialect.name(), options, warnings));
			}
			catch (Exception ex) {
				problems.add(new CheckReport.Problem(id, messages(ex)));
			}
		}
		return problems;
	}

	private static List<String> messages(Exception ex) {
		String message = ex.getMessage();
		if (message == null || message.isBlank()) {
			return List.of(ex.getClass().getName());
		}
		return message.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	@FunctionalInterface
	private interface Hook {

		void call(Upgrade upgrade, UpgradeContext context) throws Exception;

	}

	/** Carries a failure of an upgrade's body out of the transaction callback. */
	private static final class UpgradeBodyException extends RuntimeException {

		/**
		 * Whether the upgrade had turned on auto-commit, so nothing it ran rolls back.
		 */
		private final boolean autoCommitted;

		UpgradeBodyException(Throwable cause, boolean autoCommitted) {
			super(cause);
			this.autoCommitted = autoCommitted;
		}

	}

}
