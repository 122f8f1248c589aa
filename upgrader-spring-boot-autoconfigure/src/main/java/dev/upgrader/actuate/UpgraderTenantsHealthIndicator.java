package dev.upgrader.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.upgrader.TenantRun;
import dev.upgrader.TenantsRunResult;
import dev.upgrader.UpgraderTenants;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the tenants, from this process's last run over all of them (no tenant is
 * queried, so a check stays cheap with a thousand tenants): {@code DOWN} when tenants
 * failed, naming them with their failures, {@code UP} otherwise. The details count the
 * tenants and summarize the last run.
 *
 * @since 0.1.0
 */
public class UpgraderTenantsHealthIndicator extends AbstractHealthIndicator {

	private final UpgraderTenants tenants;

	/**
	 * Creates the indicator.
	 * @param tenants the tenants
	 */
	public UpgraderTenantsHealthIndicator(UpgraderTenants tenants) {
		super("Upgrader tenants health check failed");
		this.tenants = tenants;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("tenants", this.tenants.names().size());
		TenantsRunResult last = this.tenants.lastRun().orElse(null);
		if (last == null) {
			return;
		}
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("tenants", last.tenants().size());
		run.put("failed", last.failed().size());
		run.put("skipped", last.skipped().size());
		run.put("applied", last.appliedCount());
		run.put("tookMillis", last.took().toMillis());
		builder.withDetail("lastRun", run);
		if (!last.failed().isEmpty()) {
			Map<String, String> failed = new LinkedHashMap<>();
			for (TenantRun tenant : last.failed()) {
				failed.put(tenant.tenant(), tenant.failure().getMessage());
			}
			builder.down().withDetail("failedTenants", failed);
		}
	}

}
