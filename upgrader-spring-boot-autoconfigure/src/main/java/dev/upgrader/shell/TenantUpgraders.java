package dev.upgrader.shell;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderTenants;

/**
 * Picks the upgrader a command works on: the application's, or a tenant's with
 * {@code --tenant NAME}.
 */
final class TenantUpgraders {

	static final String OPTION_DESCRIPTION = "the tenant to work on (upgrader show tenants lists them);"
			+ " without it, the application's own database";

	private final Upgrader upgrader;

	private final Supplier<@Nullable UpgraderTenants> tenants;

	TenantUpgraders(Upgrader upgrader, Supplier<@Nullable UpgraderTenants> tenants) {
		this.upgrader = upgrader;
		this.tenants = tenants;
	}

	static TenantUpgraders withoutTenants(Upgrader upgrader) {
		return new TenantUpgraders(upgrader, () -> null);
	}

	/**
	 * The upgrader of a tenant, or the application's.
	 * @param tenant the tenant's name, or {@code null} for the application's
	 * @throws UpgraderCommandException when there are no tenants or no such tenant
	 */
	Upgrader of(@Nullable String tenant) {
		if (tenant == null) {
			return this.upgrader;
		}
		UpgraderTenants all = tenants();
		return UpgraderFailures.translate(() -> all.tenant(tenant));
	}

	/**
	 * The tenants.
	 * @throws UpgraderCommandException when there are none
	 */
	UpgraderTenants tenants() {
		UpgraderTenants all = this.tenants.get();
		if (all == null) {
			throw new UpgraderCommandException("This application has no tenants: set upgrader.tenants.schemas or"
					+ " declare an UpgradeTargets bean.");
		}
		return all;
	}

}
