package dev.upgrader.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeListener;
import dev.upgrader.Upgrader;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Records what the engine does as Micrometer meters:
 * <ul>
 * <li>{@value #UPGRADE_DURATION} (timer, tags {@code repository}, {@code outcome}, and
 * {@code upgrade} when asked for): each upgrade's {@code doUpgrade};</li>
 * <li>{@value #RUN_DURATION} (timer, tag {@code outcome}): whole runs, lock wait
 * included;</li>
 * <li>{@value #LOCK_WAIT} (timer): waiting for the upgrade lock;</li>
 * <li>{@value #APPLIED} and {@value #FAILED} (counters, tag {@code repository}) and
 * {@value #POPULATED} (counter);</li>
 * <li>{@value #PENDING} (gauge): pending upgrades, read from the database once the
 * application's singletons exist and after each run or populate of this process, not when
 * sampled; NaN when the graph is invalid or the database could not be read;</li>
 * <li>{@value #LAST_SUCCESS} (gauge, seconds since the epoch): end of the last successful
 * run in this process; NaN before it.</li>
 * </ul>
 * The {@code outcome} tag is {@code success} or {@code failure}. Tags are bounded: by
 * default no tag has a value per upgrade.
 *
 * @since 0.1.0
 */
public class UpgraderMetrics implements UpgradeListener, SmartInitializingSingleton {

	/** Timer of each upgrade's {@code doUpgrade}. */
	public static final String UPGRADE_DURATION = "upgrader.upgrade.duration";

	/** Timer of whole runs. */
	public static final String RUN_DURATION = "upgrader.run.duration";

	/** Timer of waiting for the upgrade lock. */
	public static final String LOCK_WAIT = "upgrader.lock.wait";

	/** Counter of upgrades applied. */
	public static final String APPLIED = "upgrader.upgrades.applied";

	/** Counter of upgrades that failed. */
	public static final String FAILED = "upgrader.upgrades.failed";

	/** Counter of upgrades recorded by populate. */
	public static final String POPULATED = "upgrader.upgrades.populated";

	/** Gauge of pending upgrades. */
	public static final String PENDING = "upgrader.upgrades.pending";

	/** Gauge of the time of the last successful run. */
	public static final String LAST_SUCCESS = "upgrader.run.last.success";

	private static final Log logger = LogFactory.getLog(UpgraderMetrics.class);

	private final MeterRegistry registry;

	private final Supplier<Upgrader> upgrader;

	private final boolean upgradeTag;

	private final AtomicLong lastSuccessMillis = new AtomicLong(-1);

	private volatile double pending = Double.NaN;

	/**
	 * Creates the meters that exist before any run, without the {@code upgrade} tag.
	 * @param registry where to register the meters
	 * @param upgrader the facade whose pending upgrades the gauge counts, looked up when
	 * the count is refreshed
	 */
	public UpgraderMetrics(MeterRegistry registry, Supplier<Upgrader> upgrader) {
		this(registry, upgrader, false);
	}

	/**
	 * Creates the meters that exist before any run: the lock timer, the populate counter
	 * and the gauges.
	 * @param registry where to register the meters
	 * @param upgrader the facade whose pending upgrades the gauge counts, looked up when
	 * the count is refreshed
	 * @param upgradeTag whether the upgrade timer has an {@code upgrade} tag with the
	 * upgrade's id (one time series per upgrade class)
	 */
	public UpgraderMetrics(MeterRegistry registry, Supplier<Upgrader> upgrader, boolean upgradeTag) {
		this.registry = registry;
		this.upgrader = upgrader;
		this.upgradeTag = upgradeTag;
		Gauge.builder(PENDING, this, (metrics) -> metrics.pending)
			.description("Upgrades that a run would apply")
			.strongReference(true)
			.register(registry);
		Gauge.builder(LAST_SUCCESS, this, UpgraderMetrics::lastSuccessSeconds)
			.description("End of the last successful upgrade run of this process, in seconds since the epoch")
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
		lockWait();
		populatedCounter();
	}

	/**
	 * Reads the pending upgrades for the gauge, once the application's singletons exist.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		refreshPending();
	}

	/**
	 * Reads the pending upgrades again for the gauge; runs and populates of this process
	 * do it themselves, other changes of the log (another instance's run) are seen at the
	 * next.
	 */
	public void refreshPending() {
		try {
			this.pending = this.upgrader.get().pending().size();
		}
		catch (RuntimeException ex) {
			logger.debug("Cannot count pending upgrades", ex);
			this.pending = Double.NaN;
		}
	}

	@Override
	public void lockAcquired(Duration waited) {
		lockWait().record(waited);
	}

	@Override
	public void upgradeApplied(PendingUpgrade upgrade, Duration took) {
		upgradeTimer(upgrade, "success").record(took);
		Counter.builder(APPLIED)
			.description("Upgrades applied")
			.tag("repository", upgrade.repository())
			.register(this.registry)
			.increment();
	}

	@Override
	public void upgradeFailed(PendingUpgrade upgrade, Duration took, Throwable failure) {
		upgradeTimer(upgrade, "failure").record(took);
		Counter.builder(FAILED)
			.description("Upgrades whose doUpgrade failed")
			.tag("repository", upgrade.repository())
			.register(this.registry)
			.increment();
	}

	@Override
	public void runFinished(RunResult result, @Nullable Throwable failure) {
		Timer.builder(RUN_DURATION)
			.description("Upgrade runs, lock wait included")
			.tag("outcome", (failure != null) ? "failure" : "success")
			.register(this.registry)
			.record(result.took());
		if (failure == null) {
			this.lastSuccessMillis.set(System.currentTimeMillis());
		}
		refreshPending();
	}

	@Override
	public void populated(List<String> ids) {
		populatedCounter().increment(ids.size());
		refreshPending();
	}

	@Override
	public void recorded(List<AppliedUpgrade> rows) {
		refreshPending();
	}

	private Timer upgradeTimer(PendingUpgrade upgrade, String outcome) {
		Timer.Builder timer = Timer.builder(UPGRADE_DURATION)
			.description("Time spent in an upgrade's doUpgrade")
			.tag("repository", upgrade.repository())
			.tag("outcome", outcome);
		if (this.upgradeTag) {
			timer.tag("upgrade", upgrade.id());
		}
		return timer.register(this.registry);
	}

	private Timer lockWait() {
		return Timer.builder(LOCK_WAIT).description("Time spent waiting for the upgrade lock").register(this.registry);
	}

	private Counter populatedCounter() {
		return Counter.builder(POPULATED)
			.description("Upgrades recorded as applied without running them")
			.register(this.registry);
	}

	private double lastSuccessSeconds() {
		long millis = this.lastSuccessMillis.get();
		return (millis < 0) ? Double.NaN : millis / 1000.0;
	}

}
