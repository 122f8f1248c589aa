package dev.upgrader.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeCheckException;
import dev.upgrader.UpgradeFailure;
import dev.upgrader.UpgradeListener;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine behind the {@link Upgrader} facade. A run:
 * <ol>
 * <li>takes the {@link UpgradeLock} (waiting for another instance's run to finish);</li>
 * <li>reads the log and plans, refusing an invalid graph;</li>
 * <li>calls every pending upgrade's pre-check and aborts, reporting all failures, if any
 * failed;</li>
 * <li>creates the log table if missing;</li>
 * <li>applies each upgrade and writes its log row in one transaction;</li>
 * <li>calls every post-check, then releases the lock.</li>
 * </ol>
 *
 * @since 0.1.0
 */
public class UpgradeEngine implements Upgrader {

	private static final Log logger = LogFactory.getLog(UpgradeEngine.class);

	private final Supplier<? extends Collection<? extends Upgrade>> upgrades;

	private final UpgradeLog log;

	private final UpgradeLock lock;

	private final PendingDescriptions descriptions;

	private final DatabaseDialect dialect;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final UpgradeListener listener;

	private final TopologicalPlanner planner = new TopologicalPlanner();

	private final String host = HostName.VALUE;

	/**
	 * Creates the engine.
	 * @param dataSource the database to upgrade
	 * @param dialect its dialect
	 * @param upgrades supplies the upgrades of the code; called at every operation
	 * @param log the log table
	 * @param lock the lock around runs and populates
	 * @param listeners notified of what the engine does
	 */
	public UpgradeEngine(DataSource dataSource, DatabaseDialect dialect,
			Supplier<? extends Collection<? extends Upgrade>> upgrades, UpgradeLog log, UpgradeLock lock,
			List<UpgradeListener> listeners) {
		this(dataSource, dialect, upgrades, log, lock, listeners, null);
	}

	/**
	 * Creates the engine with a second log whose recorded durations replace the declared
	 * estimates of the same upgrade ids.
	 * @param dataSource the database to upgrade
	 * @param dialect its dialect
	 * @param upgrades supplies the upgrades of the code; called at every operation
	 * @param log the log table
	 * @param lock the lock around runs and populates
	 * @param listeners notified of what the engine does
	 * @param recordedDurations rows of upgrades that ran elsewhere (e.g. a staging
	 * database's log copied into this one), or {@code null} to use declared estimates
	 * only
	 */
	public UpgradeEngine(DataSource dataSource, DatabaseDialect dialect,
			Supplier<? extends Collection<? extends Upgrade>> upgrades, UpgradeLog log, UpgradeLock lock,
			List<UpgradeListener> listeners, @Nullable UpgradeLog recordedDurations) {
		this.upgrades = upgrades;
		this.log = log;
		this.lock = lock;
		this.descriptions = new PendingDescriptions(recordedDurations);
		this.dialect = dialect;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.listener = new CompositeUpgradeListener(listeners);
	}

	/**
	 * The graph of the upgrades in the code, with its structural problems.
	 * @return the graph
	 */
	public UpgradeGraph graph() {
		return UpgradeGraph.of(this.upgrades.get());
	}

	/**
	 * Plans against the current log, without validating.
	 * @return the plan, with its problems and ghosts
	 */
	public UpgradePlan plan() {
		return plan(graph(), this.log.read());
	}

	/**
	 * Plans a graph against log rows already read, without validating.
	 * @param graph the graph of the upgrades in the code
	 * @param applied the rows of the log
	 * @return the plan, with its problems and ghosts
	 */
	public UpgradePlan plan(UpgradeGraph graph, List<AppliedUpgrade> applied) {
		return this.planner.plan(graph, appliedIds(applied));
	}

	@Override
	public List<AppliedUpgrade> applied() {
		return this.log.read();
	}

	@Override
	public List<PendingUpgrade> pending() {
		return pending(plan().requireValid().pending());
	}

	@Override
	public CheckReport check() {
		UpgradePlan plan = plan();
		if (!plan.isValid()) {
			return new CheckReport(List.of(), List.of(new CheckReport.Problem("upgrade graph", plan.problems())),
					plan.ghosts());
		}
		List<String> warnings = new ArrayList<>();
		// Pre-checks are user code: whatever they write through the context is rolled
		// back.
		List<CheckReport.Problem> problems = this.transactions.execute((status) -> {
			status.setRollbackOnly();
			return executor().preChecks(plan.pending(), RunOptions.unattended(), warnings);
		});
		return new CheckReport(pending(plan.pending()), problems, plan.ghosts());
	}

	@Override
	public RunResult run(RunOptions options) {
		UpgradeListener listener = new CompositeUpgradeListener(List.of(this.listener, options.listener()));
		long start = System.nanoTime();
		List<String> warnings = new ArrayList<>();
		List<String> applied = new ArrayList<>();
		try (UpgradeLock.Held held = acquire(listener, start)) {
			UpgradePlan plan = plan().requireValid();
			plan.ghosts().forEach((ghost) -> warnings.add(ghostWarning(ghost)));
			warnings.forEach(logger::warn);
			if (plan.pending().isEmpty()) {
				logger.info("All upgrades have been applied.");
				return finished(listener, applied, warnings, start, null);
			}
			if (!this.dialect.transactionalDdl()) {
				logger.info(this.dialect + " does not roll back DDL: if an upgrade fails after a DDL statement,"
						+ " that statement stays committed.");
			}
			List<CheckReport.Problem> vetoes = executor().preChecks(plan.pending(), options, warnings);
			if (!vetoes.isEmpty()) {
				throw new UpgradeCheckException("Pre-upgrade", vetoes);
			}
			this.log.createIfMissing();
			Set<String> failedBefore = new HashSet<>();
			this.log.failures().forEach((failure) -> failedBefore.add(failure.id()));
			executor().apply(plan.pending(), pending(plan.pending()), options, warnings, failedBefore, held,
					new RecordingListener(listener, applied));
			logger.info("Applied " + applied.size() + " upgrade(s)"
					+ (warnings.isEmpty() ? "" : " with " + warnings.size() + " warning(s)") + ".");
			return finished(listener, List.copyOf(applied), warnings, start, null);
		}
		catch (RuntimeException ex) {
			finished(listener, List.copyOf(applied), warnings, start, ex);
			throw ex;
		}
	}

	@Override
	public int populate() {
		try (UpgradeLock.Held held = this.lock.acquire()) {
			this.log.createIfMissing();
			Set<String> known = appliedIds(this.log.read());
			Instant now = Instant.now();
			Set<String> seen = new HashSet<>();
			List<AppliedUpgrade> rows = new ArrayList<>();
			for (Upgrade upgrade : this.upgrades.get()) {
				String id = upgrade.id();
				if (!known.contains(id) && seen.add(id)) {
					rows.add(new AppliedUpgrade(id, now, AppliedUpgrade.Kind.POPULATE, null, this.host,
							PendingDescriptions.title(upgrade)));
				}
			}
			this.transactions.executeWithoutResult((status) -> this.log.record(rows));
			List<String> ids = rows.stream().map(AppliedUpgrade::id).toList();
			logger.info("Recorded " + ids.size() + " upgrade(s) as applied without running them (populate).");
			this.listener.populated(ids);
			return ids.size();
		}
	}

	@Override
	public List<UpgradeFailure> failures() {
		return this.log.failures();
	}

	@Override
	public void markApplied(String id) {
		try (UpgradeLock.Held held = this.lock.acquire()) {
			UpgradeGraph.Node node = graph().get(id);
			if (node == null) {
				throw new UpgraderException("Cannot mark " + id + " applied: the code has no upgrade with that id");
			}
			if (appliedIds(this.log.read()).contains(id)) {
				throw new UpgraderException("Cannot mark " + id + " applied: it is already in the log");
			}
			this.log.createIfMissing();
			this.transactions.executeWithoutResult((status) -> {
				this.log.record(List.of(new AppliedUpgrade(id, Instant.now(), AppliedUpgrade.Kind.MANUAL, null,
						this.host, PendingDescriptions.title(node.upgrade()))));
				this.log.clearFailure(id);
			});
			logger.info("Marked " + id + " applied by hand.");
		}
	}

	@Override
	public Optional<String> lockHolder() {
		return this.lock.holder();
	}

	private UpgradeLock.Held acquire(UpgradeListener listener, long start) {
		UpgradeLock.Held held = this.lock.acquire();
		listener.lockAcquired(Duration.ofNanos(System.nanoTime() - start));
		return held;
	}

	private RunResult finished(UpgradeListener listener, List<String> applied, List<String> warnings, long start,
			@Nullable Throwable failure) {
		RunResult result = new RunResult(applied, List.copyOf(warnings), Duration.ofNanos(System.nanoTime() - start));
		listener.runFinished(result, failure);
		return result;
	}

	private UpgradeExecutor executor() {
		return new UpgradeExecutor(this.jdbc, this.log, this.transactions, this.dialect, this.host);
	}

	static String ghostWarning(String id) {
		return "Ghost upgrade " + id + " detected: it is in the log but not in the code (the row is kept)";
	}

	private static Set<String> appliedIds(List<AppliedUpgrade> rows) {
		Set<String> ids = new LinkedHashSet<>();
		rows.forEach((row) -> ids.add(row.id()));
		return ids;
	}

	/**
	 * Describes planned upgrades; an upgrade's estimate is the duration recorded for its
	 * id in the recorded durations' log when there is one, else its declared estimate.
	 * @param plan the planned upgrades
	 * @return the pending upgrades, in the same order
	 */
	public List<PendingUpgrade> pending(List<UpgradeGraph.Node> plan) {
		return this.descriptions.describe(plan);
	}

	/** Keeps the ids applied so far, so a failed run still reports them. */
	private static final class RecordingListener extends CompositeUpgradeListener {

		private final List<String> applied;

		RecordingListener(UpgradeListener delegate, List<String> applied) {
			super(List.of(delegate));
			this.applied = applied;
		}

		@Override
		public void upgradeApplied(PendingUpgrade upgrade, Duration took) {
			this.applied.add(upgrade.id());
			super.upgradeApplied(upgrade, took);
		}

	}

}
