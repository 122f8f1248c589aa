package dev.upgrader.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeCheckException;
import dev.upgrader.UpgradeListener;

/**
 * The {@code run} command. A log in place whose rows leave nothing pending, the usual
 * start, is only read: nothing is written, so no lock is needed, and every instance
 * starting together reads at once. Otherwise it:
 * <ol>
 * <li>takes the {@link UpgradeLock} (waiting for another instance's run to finish);</li>
 * <li>gives a log table of an earlier version its new columns;</li>
 * <li>reads the log and plans, refusing an invalid graph; records
 * {@code upgrader.baseline} when the log is empty;</li>
 * <li>warns about, or refuses to run with, applied upgrades whose checksum changed
 * ({@link OnChangedUpgrade});</li>
 * <li>calls every pending upgrade's pre-check and aborts, reporting all failures, if any
 * failed;</li>
 * <li>creates the log table if missing;</li>
 * <li>has the {@link UpgradeExecutor} apply each upgrade and write its log row in one
 * transaction, then call every post-check;</li>
 * <li>releases the lock.</li>
 * </ol>
 */
final class RunCommand {

	private static final Log logger = LogFactory.getLog(RunCommand.class);

	private final LogPlanner planner;

	private final UpgradeLog log;

	private final UpgradeLock lock;

	private final UpgradeExecutor executor;

	private final PendingDescriptions descriptions;

	private final DatabaseDialect dialect;

	private final UpgradeListener listener;

	private final RunSettings settings;

	private final BaselineCommand baseline;

	private volatile boolean logUpgraded;

	RunCommand(LogPlanner planner, UpgradeLog log, UpgradeLock lock, UpgradeExecutor executor,
			PendingDescriptions descriptions, DatabaseDialect dialect, UpgradeListener listener, RunSettings settings,
			BaselineCommand baseline) {
		this.planner = planner;
		this.log = log;
		this.lock = lock;
		this.executor = executor;
		this.descriptions = descriptions;
		this.dialect = dialect;
		this.listener = listener;
		this.settings = settings;
		this.baseline = baseline;
	}

	RunResult run(RunOptions options) {
		UpgradeListener listener = new CompositeUpgradeListener(List.of(this.listener, options.listener()));
		long start = System.nanoTime();
		List<String> warnings = new ArrayList<>();
		List<String> applied = new ArrayList<>();
		try {
			UpgradeGraph graph = this.planner.graph();
			if (upToDateWithoutLock(graph, warnings)) {
				return finished(listener, applied, warnings, start, null);
			}
			return runUnderLock(graph, options, listener, start, warnings, applied);
		}
		catch (RuntimeException ex) {
			RuntimeException failure = PoolExhaustion.explain(ex);
			finished(listener, List.copyOf(applied), warnings, start, failure);
			throw failure;
		}
	}

	/**
	 * Reads the log without the lock; with rows that leave nothing pending, reports as a
	 * run that finds nothing to do would.
	 * @return whether nothing was pending
	 */
	private boolean upToDateWithoutLock(UpgradeGraph graph, List<String> warnings) {
		List<AppliedUpgrade> rows = this.log.readIfCurrent().orElse(List.of());
		if (rows.isEmpty()) {
			return false;
		}
		UpgradePlan plan = this.planner.plan(graph, rows);
		if (!plan.isValid() || !plan.pending().isEmpty()) {
			return false;
		}
		warn(graph, rows, plan, warnings);
		logger.info("All upgrades have been applied.");
		return true;
	}

	private void warn(UpgradeGraph graph, List<AppliedUpgrade> rows, UpgradePlan plan, List<String> warnings) {
		plan.ghosts().forEach((ghost) -> warnings.add(ghostWarning(ghost)));
		ChangedUpgrades.beforeRun(ChangedUpgrades.find(graph, rows), this.settings.onChangedUpgrade(), warnings);
		warnings.forEach(logger::warn);
	}

	private RunResult runUnderLock(UpgradeGraph graph, RunOptions options, UpgradeListener listener, long start,
			List<String> warnings, List<String> applied) {
		try (UpgradeLock.Held held = acquire(listener, start)) {
			upgradeExistingLog();
			List<AppliedUpgrade> rows = this.log.read();
			UpgradePlan plan = this.planner.plan(graph, rows).requireValid();
			String baselineId = this.settings.baseline();
			if (rows.isEmpty() && baselineId != null) {
				rows = this.baseline.record(graph, baselineId, held);
			}
			warn(graph, rows, plan, warnings);
			if (plan.pending().isEmpty()) {
				logger.info("All upgrades have been applied.");
				return finished(listener, applied, warnings, start, null);
			}
			if (!this.dialect.transactionalDdl()) {
				logger.info(this.dialect + " does not roll back DDL: if an upgrade fails after a DDL statement,"
						+ " that statement stays committed.");
			}
			List<CheckReport.Problem> vetoes = this.executor.preChecks(plan.pending(), options, warnings);
			if (!vetoes.isEmpty()) {
				throw new UpgradeCheckException("Pre-upgrade", vetoes);
			}
			this.log.createIfMissing();
			Set<String> failedBefore = new HashSet<>();
			this.log.failures().forEach((failure) -> failedBefore.add(failure.id()));
			this.executor.apply(plan.pending(), this.descriptions.describe(plan.pending()), options, warnings,
					failedBefore, held, new RecordingListener(listener, applied));
			logger.info("Applied " + applied.size() + " upgrade(s)"
					+ (warnings.isEmpty() ? "" : " with " + warnings.size() + " warning(s)") + ".");
			return finished(listener, List.copyOf(applied), warnings, start, null);
		}
	}

	/**
	 * Log tables of earlier versions get their new columns at the first run, under the
	 * lock, even when nothing is pending.
	 */
	private void upgradeExistingLog() {
		if (!this.logUpgraded) {
			this.log.upgradeIfPresent();
			this.logUpgraded = true;
		}
	}

	static String ghostWarning(String id) {
		return "Ghost upgrade " + id + " detected: it is in the log but not in the code (the row is kept)";
	}

	private UpgradeLock.Held acquire(UpgradeListener listener, long start) {
		UpgradeLock.Held held = this.lock.acquire();
		listener.lockAcquired(Duration.ofNanos(System.nanoTime() - start));
		return held;
	}

	private static RunResult finished(UpgradeListener listener, List<String> applied, List<String> warnings, long start,
			@Nullable Throwable failure) {
		RunResult result = new RunResult(applied, List.copyOf(warnings), Duration.ofNanos(System.nanoTime() - start));
		listener.runFinished(result, failure);
		return result;
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
