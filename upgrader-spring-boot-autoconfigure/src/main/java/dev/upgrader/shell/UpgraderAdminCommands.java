package dev.upgrader.shell;

import org.jspecify.annotations.Nullable;

import dev.upgrader.Upgrader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/**
 * The commands for repairs: {@code upgrader mark-applied ID} after an admin did a failed
 * upgrade's work by hand, {@code upgrader accept-change ID} after reviewing a change to
 * an applied upgrade, and {@code upgrader lock status}.
 *
 * @since 0.1.0
 */
public class UpgraderAdminCommands {

	private final TenantUpgraders upgraders;

	UpgraderAdminCommands(Upgrader upgrader) {
		this(TenantUpgraders.withoutTenants(upgrader));
	}

	UpgraderAdminCommands(TenantUpgraders upgraders) {
		this.upgraders = upgraders;
	}

	/**
	 * Records an upgrade as applied without running it.
	 * @param context the command context, for its output and input
	 * @param id the upgrade id
	 * @param yesIKnow skip the confirmation
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @throws UpgraderCommandException when the id is missing, when not confirmed, or
	 * when the id is unknown, already applied or depends on pending upgrades
	 */
	@Command(name = { "upgrader", "mark-applied" }, group = UpgraderCommands.GROUP,
			description = "Record one upgrade as applied without running it, after doing its work by hand"
					+ " (asks to confirm unless --yes-i-know)")
	public void markApplied(CommandContext context,
			@Argument(index = 0, description = "the id of the upgrade") @Nullable String id,
			@Option(longName = "yes-i-know", description = "Do not ask for confirmation") boolean yesIKnow,
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant) {
		if (id == null || id.isBlank()) {
			throw new UpgraderCommandException("Give the id of the upgrade to mark: upgrader mark-applied ID"
					+ " [--yes-i-know]. 'upgrader show pending' lists the ids of the pending upgrades.");
		}
		Upgrader upgrader = this.upgraders.of(tenant);
		new ConfirmedCommand(context, yesIKnow)
			.run("WARNING: You are going to record " + id + " as applied WITHOUT running it!", () -> {
				upgrader.markApplied(id);
				return id;
			}, (out, marked) -> out.println("Recorded " + marked + " as applied (by hand)."));
	}

	/**
	 * Records the current checksum of an applied upgrade whose code changed, after
	 * review.
	 * @param context the command context, for its output and input
	 * @param id the upgrade id
	 * @param yesIKnow skip the confirmation
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @throws UpgraderCommandException when the id is missing, when not confirmed, or
	 * when the upgrade is not applied, not in the code or did not change
	 */
	@Command(name = { "upgrader", "accept-change" }, group = UpgraderCommands.GROUP,
			description = "Record the new checksum of an applied upgrade whose code changed, after review"
					+ " (asks to confirm unless --yes-i-know)")
	public void acceptChange(CommandContext context,
			@Argument(index = 0, description = "the id of the changed upgrade") @Nullable String id,
			@Option(longName = "yes-i-know", description = "Do not ask for confirmation") boolean yesIKnow,
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant) {
		if (id == null || id.isBlank()) {
			throw new UpgraderCommandException("Give the id of the changed upgrade: upgrader accept-change ID"
					+ " [--yes-i-know]. 'upgrader check' lists the changed upgrades.");
		}
		Upgrader upgrader = this.upgraders.of(tenant);
		new ConfirmedCommand(context, yesIKnow).run("WARNING: You are going to accept the change to " + id
				+ ": it will not run again, so its change never reaches this database!", () -> {
					upgrader.acceptChange(id);
					return id;
				}, (out, accepted) -> out
					.println("Accepted the change to " + accepted + ": its new checksum is recorded."));
	}

	/**
	 * Tells who holds the upgrade lock.
	 * @param tenant the tenant to work on, or {@code null} for the application's database
	 * @return who holds it, or that it is free
	 */
	@Command(name = { "upgrader", "lock", "status" }, group = UpgraderCommands.GROUP,
			description = "Show who holds the upgrade lock")
	public String lockStatus(
			@Option(longName = "tenant", description = TenantUpgraders.OPTION_DESCRIPTION) @Nullable String tenant) {
		return UpgraderFailures.translate(this.upgraders.of(tenant)::lockHolder)
			.map((holder) -> "The upgrade lock is held by " + holder + ".")
			.orElse("The upgrade lock is free.");
	}

}
