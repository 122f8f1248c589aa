package dev.upgrader.shell;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.Upgrader;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/**
 * The read-only commands: {@code upgrader show applied}, {@code upgrader show pending}
 * and {@code upgrader show graph}.
 *
 * @since 0.1.0
 */
public class UpgraderShowCommands {

	private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final TenantUpgraders upgraders;

	UpgraderShowCommands(Upgrader upgrader) {
		this(TenantUpgraders.withoutTenants(upgrader));
	}

	UpgraderShowCommands(TenantUpgraders upgraders) {
		this.upgraders = upgraders;
	}

	/**
	 * Lists the log, oldest first.
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @return the table, or a sentence when the log is empty
	 */
	@Command(name = { "upgrader", "show", "applied" }, group = UpgraderCommands.GROUP,
			description = "List the applied upgrades, oldest first")
	public String showApplied(
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant) {
		List<AppliedUpgrade> applied = UpgraderFailures.translate(this.upgraders.of(tenant)::applied);
		if (applied.isEmpty()) {
			return "No upgrades have been applied.";
		}
		TextTable table = new TextTable("Upgrade", "Applied at (UTC)", "How", "Duration");
		applied.forEach((row) -> table.row(row.id(), APPLIED_AT.format(row.applied()),
				row.kind().name().toLowerCase(Locale.ROOT),
				(row.duration() != null) ? DurationFormat.format(row.duration()) : "-"));
		return table.render() + applied.size() + " upgrade(s) applied.";
	}

	/**
	 * Lists what a run would apply, in run order.
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @return the table and the total estimate, or a sentence when nothing is pending
	 */
	@Command(name = { "upgrader", "show", "pending" }, group = UpgraderCommands.GROUP,
			description = "List the pending upgrades in run order, with the total estimate")
	public String showPending(
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant) {
		Upgrader upgrader = this.upgraders.of(tenant);
		List<PendingUpgrade> pending = UpgraderFailures.translate(upgrader::pending);
		if (pending.isEmpty()) {
			return "All upgrades have been applied.";
		}
		TextTable table = new TextTable("Upgrade", "Info", "Estimate", "From");
		pending.forEach((upgrade) -> table.row(upgrade.id(), upgrade.title(), DurationFormat.format(upgrade.estimate()),
				upgrade.estimateSource().name().toLowerCase(Locale.ROOT)));
		Duration total = PendingUpgrade.totalEstimate(pending);
		String failures = FailureNotes.describe(upgrader.failures());
		return table.render() + pending.size() + " upgrade(s) pending; estimated time: " + EstimateBuckets.bucket(total)
				+ " (" + DurationFormat.format(total) + ")."
				+ (failures.isEmpty() ? "" : System.lineSeparator() + failures.stripTrailing());
	}

	/**
	 * Draws the dependency graph.
	 * @param format {@code mermaid} or {@code dot}
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @return the graph source
	 */
	@Command(name = { "upgrader", "show", "graph" }, group = UpgraderCommands.GROUP,
			description = "Print the dependency graph (applied and pending marked) as Mermaid or Graphviz dot")
	public String showGraph(
			@Option(longName = "format", description = "mermaid (default) or dot",
					defaultValue = "mermaid") String format,
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant) {
		return GraphRenderer.forFormat(format).render(UpgraderFailures.translate(this.upgraders.of(tenant)::info));
	}

}
