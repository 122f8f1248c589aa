package dev.upgrader.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeListener;

/**
 * Forwards every callback to several listeners; a listener that throws is logged and
 * never disturbs a run.
 */
class CompositeUpgradeListener implements UpgradeListener {

	private static final Log logger = LogFactory.getLog(CompositeUpgradeListener.class);

	private final List<UpgradeListener> listeners;

	CompositeUpgradeListener(List<UpgradeListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	private void each(Consumer<UpgradeListener> call) {
		for (UpgradeListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Upgrade listener " + listener.getClass().getName() + " failed; ignoring it", ex);
			}
		}
	}

	@Override
	public void lockAcquired(Duration waited) {
		each((listener) -> listener.lockAcquired(waited));
	}

	@Override
	public void runStarting(List<PendingUpgrade> plan) {
		each((listener) -> listener.runStarting(plan));
	}

	@Override
	public void upgradeStarting(PendingUpgrade upgrade, int index, int total) {
		each((listener) -> listener.upgradeStarting(upgrade, index, total));
	}

	@Override
	public void upgradeApplied(PendingUpgrade upgrade, Duration took) {
		each((listener) -> listener.upgradeApplied(upgrade, took));
	}

	@Override
	public void upgradeFailed(PendingUpgrade upgrade, Duration took, Throwable failure) {
		each((listener) -> listener.upgradeFailed(upgrade, took, failure));
	}

	@Override
	public void runFinished(RunResult result, @Nullable Throwable failure) {
		each((listener) -> listener.runFinished(result, failure));
	}

	@Override
	public void populated(List<String> ids) {
		each((listener) -> listener.populated(ids));
	}

	@Override
	public void recorded(List<AppliedUpgrade> rows) {
		each((listener) -> listener.recorded(rows));
	}

}
