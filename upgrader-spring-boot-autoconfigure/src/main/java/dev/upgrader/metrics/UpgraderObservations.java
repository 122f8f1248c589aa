package dev.upgrader.metrics;

import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeListener;

/**
 * Reports runs and upgrades as Micrometer observations, so that tracing sees them: an
 * observation {@value #RUN} from the lock's acquisition to the end of the run, and in it
 * one {@value #UPGRADE} per upgrade applied or failed, each in scope while it runs (the
 * upgrade's own observed work, such as JDBC calls, is its child). Low-cardinality keys:
 * {@code outcome} ({@code success}/{@code failure}) and, on upgrades, {@code repository};
 * the upgrade's id is the high-cardinality key {@code upgrade}.
 * <p>
 * A run's events all arrive on the thread that runs it, so the observations under way are
 * kept per thread.
 *
 * @since 0.1.0
 */
public class UpgraderObservations implements UpgradeListener {

	/** Observation of a whole run. */
	public static final String RUN = "upgrader.run";

	/** Observation of one upgrade's {@code doUpgrade}. */
	public static final String UPGRADE = "upgrader.upgrade";

	private final ObservationRegistry registry;

	private final ThreadLocal<@Nullable Scoped> run = new ThreadLocal<>();

	private final ThreadLocal<@Nullable Scoped> upgrade = new ThreadLocal<>();

	/**
	 * Creates the listener.
	 * @param registry where to report the observations
	 */
	public UpgraderObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void lockAcquired(Duration waited) {
		startRun();
	}

	@Override
	public void upgradeStarting(PendingUpgrade upgrade, int index, int total) {
		Scoped run = this.run.get();
		Observation observation = Observation.createNotStarted(UPGRADE, this.registry)
			.contextualName("upgrade " + upgrade.id())
			.parentObservation((run != null) ? run.observation() : null)
			.lowCardinalityKeyValue("repository", upgrade.repository())
			.highCardinalityKeyValue("upgrade", upgrade.id());
		this.upgrade.set(Scoped.start(observation));
	}

	@Override
	public void upgradeApplied(PendingUpgrade upgrade, Duration took) {
		stop(this.upgrade, null);
	}

	@Override
	public void upgradeFailed(PendingUpgrade upgrade, Duration took, Throwable failure) {
		stop(this.upgrade, failure);
	}

	@Override
	public void runFinished(RunResult result, @Nullable Throwable failure) {
		stop(this.upgrade, failure);
		if (this.run.get() == null) {
			// The run failed before it had the lock.
			startRun();
		}
		stop(this.run, failure);
	}

	private void startRun() {
		this.run.set(Scoped.start(Observation.createNotStarted(RUN, this.registry).contextualName("upgrader run")));
	}

	private static void stop(ThreadLocal<@Nullable Scoped> holder, @Nullable Throwable failure) {
		Scoped scoped = holder.get();
		holder.remove();
		if (scoped != null) {
			scoped.stop(failure);
		}
	}

	/** An observation started and in scope on this thread. */
	private record Scoped(Observation observation, Observation.Scope scope) {

		static Scoped start(Observation observation) {
			observation.start();
			return new Scoped(observation, observation.openScope());
		}

		void stop(@Nullable Throwable failure) {
			this.observation.lowCardinalityKeyValue("outcome", (failure != null) ? "failure" : "success");
			if (failure != null) {
				this.observation.error(failure);
			}
			this.scope.close();
			this.observation.stop();
		}

	}

}
