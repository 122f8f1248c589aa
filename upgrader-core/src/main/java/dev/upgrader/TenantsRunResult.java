package dev.upgrader;

import java.time.Duration;
import java.util.List;

/**
 * What a run over all tenants did.
 *
 * @param tenants one entry per tenant, in the tenants' order
 * @param took the wall-clock time of the whole run
 * @since 0.1.0
 */
public record TenantsRunResult(List<TenantRun> tenants, Duration took) {

	/**
	 * Copies the list.
	 */
	public TenantsRunResult {
		tenants = List.copyOf(tenants);
	}

	/**
	 * The tenants whose run failed.
	 * @return their runs, in the tenants' order
	 */
	public List<TenantRun> failed() {
		return withOutcome(TenantRun.Outcome.FAILED);
	}

	/**
	 * The tenants not started because another one failed with {@code on-failure=stop}.
	 * @return their runs, in the tenants' order
	 */
	public List<TenantRun> skipped() {
		return withOutcome(TenantRun.Outcome.SKIPPED);
	}

	/**
	 * The number of upgrades applied over all tenants.
	 * @return the sum
	 */
	public int appliedCount() {
		return this.tenants.stream().mapToInt(TenantRun::appliedCount).sum();
	}

	private List<TenantRun> withOutcome(TenantRun.Outcome outcome) {
		return this.tenants.stream().filter((run) -> run.outcome() == outcome).toList();
	}

}
