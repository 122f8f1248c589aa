package dev.upgrader.shell;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeListener;

/**
 * Prints a run's progress: each upgrade as {@code [n/N]} with the time elapsed and an ETA
 * from the estimates of the upgrades still to run, then how long it took.
 */
final class ProgressDisplay implements UpgradeListener {

	private final PrintWriter out;

	private long started;

	private Duration remaining = Duration.ZERO;

	ProgressDisplay(PrintWriter out) {
		this.out = out;
	}

	@Override
	public void runStarting(List<PendingUpgrade> plan) {
		this.started = System.nanoTime();
		this.remaining = PendingUpgrade.totalEstimate(plan);
		print("Pre-upgrade checks passed; applying " + plan.size() + " upgrade(s).");
	}

	@Override
	public void upgradeStarting(PendingUpgrade upgrade, int index, int total) {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - this.started);
		print("[" + index + "/" + total + "] " + upgrade.id() + " - elapsed " + DurationFormat.format(elapsed)
				+ ", ETA " + DurationFormat.format(this.remaining));
	}

	@Override
	public void upgradeApplied(PendingUpgrade upgrade, Duration took) {
		this.remaining = this.remaining.minus(upgrade.estimate());
		if (this.remaining.isNegative()) {
			this.remaining = Duration.ZERO;
		}
		print("      applied in " + DurationFormat.format(took));
	}

	@Override
	public void upgradeFailed(PendingUpgrade upgrade, Duration took, Throwable failure) {
		print("      FAILED after " + DurationFormat.format(took) + ": " + failure.getMessage());
	}

	@Override
	public void runFinished(RunResult result, @Nullable Throwable failure) {
		this.out.flush();
	}

	private void print(String line) {
		this.out.println(line);
		this.out.flush();
	}

}
