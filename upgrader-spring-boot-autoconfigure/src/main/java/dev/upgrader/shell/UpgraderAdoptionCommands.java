package dev.upgrader.shell;

import java.io.PrintWriter;

import org.jspecify.annotations.Nullable;

import dev.upgrader.FlywayImport;
import dev.upgrader.Upgrader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/**
 * The commands that adopt a database Upgrader did not build: {@code upgrader baseline ID}
 * and {@code upgrader import flyway}. Both ask for confirmation unless given
 * {@code --yes-i-know}.
 *
 * @since 0.1.0
 */
public class UpgraderAdoptionCommands {

	private final TenantUpgraders upgraders;

	private final String flywayTable;

	UpgraderAdoptionCommands(Upgrader upgrader, String flywayTable) {
		this(TenantUpgraders.withoutTenants(upgrader), flywayTable);
	}

	UpgraderAdoptionCommands(TenantUpgraders upgraders, String flywayTable) {
		this.upgraders = upgraders;
		this.flywayTable = flywayTable;
	}

	/**
	 * Starts an empty log at an upgrade: records it and everything it depends on as in
	 * place without running them.
	 * @param context the command context, for its output and input
	 * @param id the upgrade the database is at
	 * @param yesIKnow skip the confirmation
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @throws UpgraderCommandException when the id is missing, when not confirmed, or
	 * when the log is not empty or the id is unknown
	 */
	@Command(name = { "upgrader", "baseline" }, group = UpgraderCommands.GROUP,
			description = "Start the log of a database built without Upgrader at an upgrade: record it and everything"
					+ " it depends on as in place (asks to confirm unless --yes-i-know)")
	public void baseline(CommandContext context,
			@Argument(index = 0, description = "the id of the upgrade the database is at") @Nullable String id,
			@Option(longName = "yes-i-know", description = "Do not ask for confirmation") boolean yesIKnow,
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant) {
		if (id == null || id.isBlank()) {
			throw new UpgraderCommandException("Give the id of the upgrade the database is at: upgrader baseline ID"
					+ " [--yes-i-know]. 'upgrader show pending' lists the ids.");
		}
		Upgrader upgrader = this.upgraders.of(tenant);
		new ConfirmedCommand(context, yesIKnow).run(
				"WARNING: You are going to record " + id
						+ " and everything it depends on as applied WITHOUT running them!",
				() -> upgrader.baseline(id), (out, recorded) -> {
					out.println("Baseline at " + id + ": recorded " + recorded.size()
							+ " upgrade(s) as in place without running them:");
					recorded.forEach((upgrade) -> out.println(" * " + upgrade));
					out.println("Later upgrades will run: 'upgrader show pending' lists them.");
				});
	}

	/**
	 * Records each successful migration of the Flyway history as an applied upgrade.
	 * @param context the command context, for its output and input
	 * @param repository the repository of the imported ids
	 * @param table the Flyway history table, or {@code null} for the application's
	 * @param yesIKnow skip the confirmation
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @throws UpgraderCommandException when not confirmed, or when the table is missing
	 */
	@Command(name = { "upgrader", "import", "flyway" }, group = UpgraderCommands.GROUP,
			description = "Record each successful migration of the Flyway history as an applied upgrade, so new"
					+ " upgrades can depend on the last one (asks to confirm unless --yes-i-know)")
	public void importFlyway(CommandContext context,
			@Option(longName = "repository", defaultValue = "flyway",
					description = "repository of the imported ids (default: flyway)") String repository,
			@Option(longName = "table",
					description = "Flyway's history table (default: spring.flyway.table, else flyway_schema_history)") @Nullable String table,
			@Option(longName = "yes-i-know", description = "Do not ask for confirmation") boolean yesIKnow,
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant) {
		Upgrader upgrader = this.upgraders.of(tenant);
		String history = (table != null) ? table : this.flywayTable;
		new ConfirmedCommand(context, yesIKnow).run(
				"WARNING: You are going to record the migrations of " + history + " as applied upgrades of repository "
						+ repository + "!",
				() -> upgrader.importFlyway(history, repository), (out, result) -> printImport(out, history, result));
	}

	private static void printImport(PrintWriter out, String history, FlywayImport result) {
		out.println("Imported " + result.imported().size() + " Flyway migration(s) from " + history + ":");
		result.imported().forEach((id) -> out.println(" * " + id));
		if (!result.alreadyImported().isEmpty()) {
			out.println(result.alreadyImported().size() + " migration(s) were imported before; nothing written"
					+ " for them.");
		}
		result.skipped().forEach((row) -> out.println(" (!) Not imported: " + row));
		if (result.last() != null) {
			out.println("New upgrades depend on " + result.last()
					+ "; once every instance runs Upgrader, Flyway can be removed.");
		}
	}

}
