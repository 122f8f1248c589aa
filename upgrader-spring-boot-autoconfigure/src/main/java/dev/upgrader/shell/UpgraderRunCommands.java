package dev.upgrader.shell;

import java.io.PrintWriter;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.upgrader.CheckReport;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/**
 * The commands that act on the database: {@code upgrader check}, {@code upgrader run} and
 * {@code upgrader populate}. The last two ask for confirmation unless given
 * {@code --yes-i-know}.
 *
 * @since 0.1.0
 */
public class UpgraderRunCommands {

	private final TenantUpgraders upgraders;

	UpgraderRunCommands(Upgrader upgrader) {
		this(TenantUpgraders.withoutTenants(upgrader));
	}

	UpgraderRunCommands(TenantUpgraders upgraders) {
		this.upgraders = upgraders;
	}

	/**
	 * Validates the graph and runs every pending pre-check, changing nothing.
	 * @param context the command context, for its output
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @throws UpgraderCommandException when the check found a problem
	 */
	@Command(name = { "upgrader", "check" }, group = UpgraderCommands.GROUP,
			description = "Validate the upgrades and run every pending pre-check, changing nothing")
	public void check(CommandContext context,
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant) {
		Upgrader upgrader = this.upgraders.of(tenant);
		PrintWriter out = context.outputWriter();
		try {
			CheckReport report = UpgraderFailures.translate(upgrader::check);
			printPlan(out, "Following upgrade(s) have not been applied yet:", report.pending());
			report.ghosts()
				.forEach((ghost) -> out.println(
						"Warning: ghost upgrade " + ghost + " is in the log but not in the code (the row is kept)."));
			out.print(FailureNotes.describe(upgrader.failures()));
			report.warnings()
				.forEach((warning) -> out.println((warning.rule().informational() ? "Note: " : "Warning: ") + warning));
			if (!report.isClean()) {
				report.problems().forEach((problem) -> {
					out.println("Problems with " + problem.subject() + ":");
					problem.messages().forEach((message) -> out.println(" (-) " + message));
				});
				throw new UpgraderCommandException("Upgrade check failed with " + report.problems().size()
						+ " problem group(s), listed above. Aborting.");
			}
			out.println(report.pending().isEmpty() ? "All upgrades have been applied. Upgrade check successful."
					: "Upgrade check successful - estimated time: " + estimate(report.pending()) + ".");
		}
		finally {
			out.flush();
		}
	}

	/**
	 * Shows the plan, asks for confirmation and applies it with a progress display.
	 * @param context the command context, for its output and input
	 * @param yesIKnow skip the confirmation and answer upgrades' questions with defaults
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @param allTenants whether to upgrade every tenant
	 * @throws UpgraderCommandException when not confirmed, or when the run failed
	 */
	@Command(name = { "upgrader", "run" }, group = UpgraderCommands.GROUP,
			description = "Apply the pending upgrades (asks to confirm unless --yes-i-know)")
	public void run(CommandContext context, @Option(longName = "yes-i-know",
			description = "Run unattended: no confirmation, upgrades' questions get their defaults") boolean yesIKnow,
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant,
			@Option(longName = "all-tenants",
					description = "Upgrade every tenant, several at once, with one progress display") boolean allTenants) {
		PrintWriter out = context.outputWriter();
		if (allTenants) {
			if (tenant != null) {
				throw new UpgraderCommandException("Give either --tenant NAME or --all-tenants, not both.");
			}
			new AllTenantsRun(this.upgraders.tenants(), out, context.inputReader()).run(yesIKnow);
			return;
		}
		Upgrader upgrader = this.upgraders.of(tenant);
		OperatorConsole console = new OperatorConsole(out, context.inputReader());
		try {
			List<PendingUpgrade> plan = UpgraderFailures.translate(upgrader::pending);
			if (plan.isEmpty()) {
				out.println("All upgrades have been applied.");
				return;
			}
			printPlan(out, "Following upgrade(s) will be applied:", plan);
			String estimate = estimate(plan);
			out.println("Estimated time: " + estimate + ".");
			if (!yesIKnow) {
				console
					.confirm("WARNING: You are going to upgrade your installation (estimated time: " + estimate + ")!");
			}
			RunOptions options = new RunOptions(yesIKnow, console::ask, new ProgressDisplay(out));
			printSummary(out, UpgraderFailures.translate(() -> upgrader.run(options)));
		}
		finally {
			out.flush();
		}
	}

	/**
	 * Records every known upgrade as applied without running it.
	 * @param context the command context, for its output and input
	 * @param yesIKnow skip the confirmation
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @throws UpgraderCommandException when not confirmed
	 */
	@Command(name = { "upgrader", "populate" }, group = UpgraderCommands.GROUP,
			description = "Record every known upgrade as applied without running it (asks to confirm unless --yes-i-know)")
	public void populate(CommandContext context,
			@Option(longName = "yes-i-know", description = "Do not ask for confirmation") boolean yesIKnow,
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant) {
		Upgrader upgrader = this.upgraders.of(tenant);
		new ConfirmedCommand(context, yesIKnow).run(
				"WARNING: You are going to record every known upgrade as applied WITHOUT running it!",
				upgrader::populate, (out, recorded) -> out
					.println("Recorded " + recorded + " upgrade(s) as applied without running them."));
	}

	private static void printPlan(PrintWriter out, String heading, List<PendingUpgrade> plan) {
		if (!plan.isEmpty()) {
			out.println(heading);
			plan.forEach((upgrade) -> out
				.println(" * " + upgrade.id() + (upgrade.title().isEmpty() ? "" : " (" + upgrade.title() + ")")));
		}
	}

	private static String estimate(List<PendingUpgrade> plan) {
		return EstimateBuckets.bucket(PendingUpgrade.totalEstimate(plan));
	}

	private static void printSummary(PrintWriter out, RunResult result) {
		String applied = result.applied().size() + " upgrade(s) applied in " + DurationFormat.format(result.took())
				+ ".";
		if (result.warnings().isEmpty()) {
			out.println("Upgrade completed successfully: " + applied);
			return;
		}
		out.println("Upgrade completed with " + result.warnings().size() + " warning(s): " + applied);
		result.warnings().forEach((warning) -> out.println(" (!) " + warning));
	}

}
