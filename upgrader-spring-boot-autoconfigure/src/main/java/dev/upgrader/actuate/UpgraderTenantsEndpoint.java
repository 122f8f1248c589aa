package dev.upgrader.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.upgrader.TenantStatus;
import dev.upgrader.UpgraderTenants;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code upgradertenants} actuator endpoint: a per-tenant summary read from every
 * tenant's log (applied, pending and failed counts, the lock holder, a problem reading
 * it) and the counts over all tenants, naming the failed ones.
 *
 * @since 0.1.0
 */
@Endpoint(id = "upgradertenants")
public class UpgraderTenantsEndpoint {

	private final UpgraderTenants tenants;

	/**
	 * Creates the endpoint.
	 * @param tenants the tenants
	 */
	public UpgraderTenantsEndpoint(UpgraderTenants tenants) {
		this.tenants = tenants;
	}

	/**
	 * Reads every tenant's state.
	 * @return the summary
	 */
	@ReadOperation
	public TenantsDescriptor tenants() {
		List<TenantStatus> status = this.tenants.status();
		List<TenantDescriptor> described = status.stream()
			.map((tenant) -> new TenantDescriptor(tenant.tenant(), tenant.applied(), tenant.pending(), tenant.failed(),
					tenant.lockHolder(), tenant.error()))
			.toList();
		List<String> failed = status.stream()
			.filter((tenant) -> tenant.failed() > 0 || tenant.error() != null)
			.map(TenantStatus::tenant)
			.toList();
		long upToDate = status.stream()
			.filter((tenant) -> tenant.pending() == 0 && tenant.failed() == 0 && tenant.error() == null)
			.count();
		return new TenantsDescriptor(status.size(), upToDate, status.size() - upToDate - failed.size(), failed,
				described);
	}

	/**
	 * The summary over all tenants.
	 *
	 * @param count the number of tenants
	 * @param upToDate how many have nothing pending and no failure
	 * @param withPending how many have pending upgrades and no failure
	 * @param failedTenants the tenants with a failed upgrade or that could not be read
	 * @param tenants every tenant's state
	 */
	public record TenantsDescriptor(int count, long upToDate, long withPending, List<String> failedTenants,
			List<TenantDescriptor> tenants) {

	}

	/**
	 * One tenant's state.
	 *
	 * @param name the tenant
	 * @param applied rows in its log
	 * @param pending upgrades a run would apply
	 * @param failed upgrades whose last attempt failed
	 * @param lockHolder who holds its lock, or {@code null}
	 * @param problem why it could not be read, or {@code null}
	 */
	public record TenantDescriptor(String name, int applied, int pending, int failed, @Nullable String lockHolder,
			@Nullable String problem) {

	}

}
