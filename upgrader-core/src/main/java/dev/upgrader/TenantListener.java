package dev.upgrader;

/**
 * Callbacks on a run over all tenants, for progress displays. Called from the threads
 * that upgrade the tenants, concurrently: implementations must be thread-safe and must
 * not throw.
 *
 * @since 0.1.0
 */
public interface TenantListener {

	/**
	 * The run is about to start.
	 * @param tenants the number of tenants
	 * @param parallelism how many are upgraded at once
	 */
	default void tenantsStarting(int tenants, int parallelism) {
	}

	/**
	 * A tenant is about to be upgraded.
	 * @param tenant its name
	 */
	default void tenantStarting(String tenant) {
	}

	/**
	 * A tenant is done, successfully or not.
	 * @param run what happened on it
	 */
	default void tenantFinished(TenantRun run) {
	}

}
