package dev.upgrader.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.TenantFailurePolicy;
import dev.upgrader.TenantListener;
import dev.upgrader.TenantRun;
import dev.upgrader.TenantStatus;
import dev.upgrader.TenantsRunResult;
import dev.upgrader.UpgradeTarget;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderException;
import dev.upgrader.UpgraderInfo;
import dev.upgrader.UpgraderTenants;

/**
 * Runs the tenants' engines, a bounded number at once on threads of its own. Each tenant
 * is guarded by its own lock and log, so several application instances running all
 * tenants together share the work, and a run interrupted by a crash resumes where each
 * tenant's log says.
 *
 * @since 0.1.0
 */
public final class TenantRunner implements UpgraderTenants {

	private static final Log logger = LogFactory.getLog(TenantRunner.class);

	private final Supplier<List<UpgradeTarget>> configured;

	private final Function<UpgradeTarget, Upgrader> engineFactory;

	private final int parallelism;

	private final TenantFailurePolicy onFailure;

	private final Map<UpgradeTarget, Upgrader> engines = new ConcurrentHashMap<>();

	private final Map<String, UpgradeTarget> added = new LinkedHashMap<>();

	private volatile @Nullable TenantsRunResult lastRun;

	/**
	 * Creates the runner.
	 * @param targets the configured tenants, asked at every operation
	 * @param engines creates a tenant's engine, once per target
	 * @param parallelism how many tenants are upgraded at once, at least 1
	 * @param onFailure what a failed tenant does to the others
	 * @throws UpgraderException when the parallelism is below 1
	 */
	public TenantRunner(Supplier<List<UpgradeTarget>> targets, Function<UpgradeTarget, Upgrader> engines,
			int parallelism, TenantFailurePolicy onFailure) {
		if (parallelism < 1) {
			throw new UpgraderException("Invalid upgrader.tenants.parallelism " + parallelism + ": use 1 or more");
		}
		this.configured = targets;
		this.engineFactory = engines;
		this.parallelism = parallelism;
		this.onFailure = onFailure;
	}

	/**
	 * How many tenants are upgraded at once.
	 * @return the parallelism
	 */
	public int parallelism() {
		return this.parallelism;
	}

	@Override
	public List<String> names() {
		return targets().stream().map(UpgradeTarget::name).toList();
	}

	@Override
	public Upgrader tenant(String name) {
		for (UpgradeTarget target : targets()) {
			if (target.name().equals(name)) {
				return engine(target);
			}
		}
		throw new UpgraderException("Unknown tenant '" + name + "'; the tenants are " + names());
	}

	private Upgrader engine(UpgradeTarget target) {
		return this.engines.computeIfAbsent(target, this.engineFactory);
	}

	private List<UpgradeTarget> targets() {
		Map<String, UpgradeTarget> byName = new LinkedHashMap<>();
		for (UpgradeTarget target : this.configured.get()) {
			if (byName.putIfAbsent(target.name(), target) != null) {
				throw new UpgraderException(
						"Two upgrade targets are named '" + target.name() + "': give every tenant a unique name");
			}
		}
		synchronized (this.added) {
			this.added.values().forEach((target) -> byName.putIfAbsent(target.name(), target));
		}
		return new ArrayList<>(byName.values());
	}

	@Override
	public TenantsRunResult runAll(RunOptions options, TenantListener listener) {
		long start = System.nanoTime();
		List<UpgradeTarget> targets = targets();
		int threads = Math.max(1, Math.min(this.parallelism, targets.size()));
		listener.tenantsStarting(targets.size(), threads);
		AtomicBoolean stopping = new AtomicBoolean();
		List<Callable<TenantRun>> tasks = new ArrayList<>();
		for (UpgradeTarget target : targets) {
			tasks.add(() -> runOne(target, options, listener, stopping));
		}
		List<TenantRun> runs = inParallel(tasks, threads);
		TenantsRunResult result = new TenantsRunResult(runs, Duration.ofNanos(System.nanoTime() - start));
		this.lastRun = result;
		return result;
	}

	@Override
	public Optional<TenantsRunResult> lastRun() {
		return Optional.ofNullable(this.lastRun);
	}

	private TenantRun runOne(UpgradeTarget target, RunOptions options, TenantListener listener,
			AtomicBoolean stopping) {
		if (stopping.get()) {
			TenantRun skipped = new TenantRun(target.name(), TenantRun.Outcome.SKIPPED, null, null, Duration.ZERO);
			listener.tenantFinished(skipped);
			return skipped;
		}
		listener.tenantStarting(target.name());
		long start = System.nanoTime();
		TenantRun run;
		try {
			RunResult result = engine(target).run(options);
			run = new TenantRun(target.name(), TenantRun.Outcome.SUCCEEDED, result, null, since(start));
		}
		catch (RuntimeException ex) {
			logger.error("Upgrading tenant " + target.name() + " failed", ex);
			if (this.onFailure == TenantFailurePolicy.STOP) {
				stopping.set(true);
			}
			run = new TenantRun(target.name(), TenantRun.Outcome.FAILED, null, ex, since(start));
		}
		listener.tenantFinished(run);
		return run;
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@Override
	public List<TenantStatus> status() {
		List<Callable<TenantStatus>> tasks = new ArrayList<>();
		for (UpgradeTarget target : targets()) {
			tasks.add(() -> status(target));
		}
		return inParallel(tasks, Math.max(1, Math.min(this.parallelism, tasks.size())));
	}

	private TenantStatus status(UpgradeTarget target) {
		try {
			Upgrader upgrader = engine(target);
			UpgraderInfo info = upgrader.info();
			return new TenantStatus(target.name(), info.applied().size(), info.pending().size(), info.failures().size(),
					info.lockHolder(), info.isValid() ? null : String.join("; ", info.problems()));
		}
		catch (RuntimeException ex) {
			return new TenantStatus(target.name(), 0, 0, 0, null, RootCause.message(ex));
		}
	}

	@Override
	public RunResult upgrade(UpgradeTarget target) {
		return engine(add(target)).run(RunOptions.unattended());
	}

	@Override
	public int populate(UpgradeTarget target) {
		return engine(add(target)).populate();
	}

	private UpgradeTarget add(UpgradeTarget target) {
		for (UpgradeTarget existing : targets()) {
			if (existing.name().equals(target.name())) {
				if (existing.equals(target)) {
					return existing;
				}
				throw new UpgraderException("A tenant named '" + target.name() + "' exists already, on "
						+ existing.dataSource() + ((existing.schema() != null) ? " schema " + existing.schema() : ""));
			}
		}
		synchronized (this.added) {
			this.added.putIfAbsent(target.name(), target);
		}
		return target;
	}

	private static <T> List<T> inParallel(List<Callable<T>> tasks, int threads) {
		if (threads == 1) {
			List<T> results = new ArrayList<>();
			for (Callable<T> task : tasks) {
				results.add(call(task));
			}
			return results;
		}
		ExecutorService executor = Executors.newFixedThreadPool(threads, new TenantThreads());
		try {
			List<Future<T>> futures = executor.invokeAll(tasks);
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UpgraderException("Interrupted while upgrading the tenants", ex);
		}
		catch (ExecutionException ex) {
			// The tasks catch their tenants' failures: this is a bug or an Error.
			throw new UpgraderException("Upgrading the tenants failed: " + RootCause.message(ex), ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static <T> T call(Callable<T> task) {
		try {
			return task.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new UpgraderException("Upgrading the tenants failed: " + RootCause.message(ex), ex);
		}
	}

	/** Names the threads after the tenants' work, as daemons. */
	private static final class TenantThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "upgrader-tenant-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
