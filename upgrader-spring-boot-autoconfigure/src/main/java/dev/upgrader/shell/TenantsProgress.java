package dev.upgrader.shell;

import java.io.PrintWriter;
import java.time.Duration;

import dev.upgrader.TenantListener;
import dev.upgrader.TenantRun;

/**
 * One progress display over all tenants of a run: a bar, the count of tenants done, and
 * an ETA from the mean time per tenant so far. Tenants finish on several threads, so each
 * line is printed whole under a lock.
 */
final class TenantsProgress implements TenantListener {

	private static final int BAR_WIDTH = 20;

	private final PrintWriter out;

	private long started;

	private int total;

	private int done;

	TenantsProgress(PrintWriter out) {
		this.out = out;
	}

	@Override
	public synchronized void tenantsStarting(int tenants, int parallelism) {
		this.started = System.nanoTime();
		this.total = tenants;
		print("Upgrading " + tenants + " tenant(s), " + parallelism + " at once.");
	}

	@Override
	public synchronized void tenantFinished(TenantRun run) {
		this.done++;
		Duration elapsed = Duration.ofNanos(System.nanoTime() - this.started);
		Duration eta = elapsed.multipliedBy(this.total - this.done).dividedBy(this.done);
		print(bar() + " " + this.done + "/" + this.total + " " + run.tenant() + ": " + outcome(run) + " - elapsed "
				+ DurationFormat.format(elapsed) + ", ETA " + DurationFormat.format(eta));
	}

	private String bar() {
		int filled = (this.total == 0) ? BAR_WIDTH : this.done * BAR_WIDTH / this.total;
		return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
	}

	private static String outcome(TenantRun run) {
		return switch (run.outcome()) {
			case SUCCEEDED -> run.appliedCount() + " upgrade(s) in " + DurationFormat.format(run.took());
			case FAILED -> "FAILED: " + run.failure().getMessage();
			case SKIPPED -> "skipped";
		};
	}

	private void print(String line) {
		this.out.println(line);
		this.out.flush();
	}

}
