package dev.upgrader.shell;

import java.io.PrintWriter;
import java.util.List;

import dev.upgrader.RunOptions;
import dev.upgrader.TenantRun;
import dev.upgrader.TenantStatus;
import dev.upgrader.TenantsRunResult;
import dev.upgrader.UpgraderTenants;
import org.springframework.shell.core.InputReader;

/**
 * {@code upgrader run --all-tenants}: shows what is pending over the tenants, asks to
 * confirm unless {@code --yes-i-know}, upgrades them with one progress display and prints
 * the summary. The tenants run on several threads, so their upgrades' questions get their
 * default answers. Failed tenants make the command fail once every other tenant is done.
 */
final class AllTenantsRun {

	private final UpgraderTenants tenants;

	private final PrintWriter out;

	private final InputReader in;

	AllTenantsRun(UpgraderTenants tenants, PrintWriter out, InputReader in) {
		this.tenants = tenants;
		this.out = out;
		this.in = in;
	}

	void run(boolean yesIKnow) {
		try {
			List<TenantStatus> status = UpgraderFailures.translate(this.tenants::status);
			long behind = status.stream().filter((tenant) -> tenant.pending() > 0 || tenant.error() != null).count();
			int pending = status.stream().mapToInt(TenantStatus::pending).sum();
			if (behind == 0) {
				this.out.println("All " + status.size() + " tenant(s) are up to date.");
				return;
			}
			this.out.println(behind + " of " + status.size() + " tenant(s) have pending upgrades (" + pending
					+ " upgrade(s) in all).");
			if (!yesIKnow) {
				new OperatorConsole(this.out, this.in).confirm("WARNING: You are going to upgrade " + behind
						+ " tenant(s); their upgrades' questions get their default answers!");
			}
			TenantsRunResult result = UpgraderFailures
				.translate(() -> this.tenants.runAll(RunOptions.unattended(), new TenantsProgress(this.out)));
			printSummary(result);
		}
		finally {
			this.out.flush();
		}
	}

	private void printSummary(TenantsRunResult result) {
		List<TenantRun> failed = result.failed();
		int succeeded = result.tenants().size() - failed.size() - result.skipped().size();
		String summary = "Upgraded " + succeeded + " of " + result.tenants().size() + " tenant(s) in "
				+ DurationFormat.format(result.took()) + ": " + result.appliedCount() + " upgrade(s) applied.";
		if (failed.isEmpty() && result.skipped().isEmpty()) {
			this.out.println(summary);
			return;
		}
		this.out.println(summary);
		failed.forEach((run) -> this.out.println(" (-) " + run.tenant() + ": " + run.failure().getMessage()));
		throw new UpgraderCommandException(failed.size() + " tenant(s) failed: "
				+ String.join(", ", failed.stream().map(TenantRun::tenant).toList())
				+ ((result.skipped().isEmpty()) ? "" : "; " + result.skipped().size() + " skipped")
				+ ". The next run retries them.");
	}

}
