package dev.upgrader.shell;

import java.util.List;

import dev.upgrader.TenantStatus;
import org.springframework.shell.core.command.annotation.Command;

/**
 * The commands over all tenants: {@code upgrader show tenants}. Running them all is
 * {@code upgrader run --all-tenants}; every other command takes {@code --tenant NAME}.
 *
 * @since 0.1.0
 */
public class UpgraderTenantCommands {

	private final TenantUpgraders upgraders;

	UpgraderTenantCommands(TenantUpgraders upgraders) {
		this.upgraders = upgraders;
	}

	/**
	 * Lists every tenant's state, read from its log.
	 * @return the table and the counts
	 */
	@Command(name = { "upgrader", "show", "tenants" }, group = UpgraderCommands.GROUP,
			description = "List the tenants with their applied, pending and failed upgrades and their lock")
	public String showTenants() {
		List<TenantStatus> status = UpgraderFailures.translate(this.upgraders.tenants()::status);
		boolean problems = status.stream().anyMatch((tenant) -> tenant.error() != null);
		TextTable table = problems ? new TextTable("Tenant", "Applied", "Pending", "Failed", "Lock", "Problem")
				: new TextTable("Tenant", "Applied", "Pending", "Failed", "Lock");
		for (TenantStatus tenant : status) {
			String lock = (tenant.lockHolder() != null) ? "held by " + tenant.lockHolder() : "free";
			String[] cells = { tenant.tenant(), String.valueOf(tenant.applied()), String.valueOf(tenant.pending()),
					String.valueOf(tenant.failed()), lock };
			if (problems) {
				table.row(cells[0], cells[1], cells[2], cells[3], cells[4],
						(tenant.error() != null) ? tenant.error() : "");
			}
			else {
				table.row(cells);
			}
		}
		long upToDate = status.stream()
			.filter((tenant) -> tenant.pending() == 0 && tenant.failed() == 0 && tenant.error() == null)
			.count();
		long failing = status.stream().filter((tenant) -> tenant.failed() > 0 || tenant.error() != null).count();
		return table.render() + status.size() + " tenant(s): " + upToDate + " up to date, "
				+ (status.size() - upToDate - failing) + " with pending upgrades, " + failing + " failed.";
	}

}
