package dev.upgrader;

import java.util.List;
import java.util.Optional;

/**
 * The facade over many tenants ({@code upgrader.tenants.schemas} or an
 * {@link UpgradeTargets} bean): each tenant has its own {@link Upgrader}, log and lock;
 * runs over all of them go in parallel and isolate failures.
 *
 * @since 0.1.0
 */
public interface UpgraderTenants {

	/**
	 * The names of the tenants, configured ones first, then those added by
	 * {@link #upgrade(UpgradeTarget)} or {@link #populate(UpgradeTarget)}.
	 * @return the names
	 */
	List<String> names();

	/**
	 * The facade of one tenant, for every single-tenant operation.
	 * @param name the tenant's name
	 * @return its upgrader
	 * @throws UpgraderException naming the tenant when there is no such tenant
	 */
	Upgrader tenant(String name);

	/**
	 * Upgrades every tenant, several at once, each under its own lock: a failure in one
	 * tenant does not stop the others unless the failure policy is
	 * {@link TenantFailurePolicy#STOP}. Never throws for a tenant's failure.
	 * @param options whether the run is attended; its listener is called from several
	 * threads
	 * @param listener told of each tenant's start and end
	 * @return what happened on each tenant
	 */
	TenantsRunResult runAll(RunOptions options, TenantListener listener);

	/**
	 * The last {@link #runAll run over all tenants} of this process, for health checks
	 * that must not query every tenant.
	 * @return the last run's result, or empty before the first one ends
	 */
	Optional<TenantsRunResult> lastRun();

	/**
	 * Reads every tenant's state; a tenant that cannot be read is reported with its
	 * error.
	 * @return one status per tenant, in the order of {@link #names()}
	 */
	List<TenantStatus> status();

	/**
	 * Adds a tenant created while the application runs (on sign-up, say) and applies
	 * every upgrade to it; its schema is created when missing.
	 * @param target the new tenant
	 * @return what was applied
	 * @throws UpgraderException when another tenant has the same name, or as
	 * {@link Upgrader#run(RunOptions)} does
	 */
	RunResult upgrade(UpgradeTarget target);

	/**
	 * Adds a tenant created while the application runs from the current schema, and
	 * records every known upgrade as applied to it without running it.
	 * @param target the new tenant
	 * @return the number of rows written
	 * @throws UpgraderException when another tenant has the same name
	 */
	int populate(UpgradeTarget target);

}
