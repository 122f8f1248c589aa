package dev.upgrader;

/**
 * What a failed tenant does to a run over all tenants
 * ({@code upgrader.tenants.on-failure}).
 *
 * @since 0.1.0
 */
public enum TenantFailurePolicy {

	/**
	 * The other tenants are upgraded; the failed ones are reported, and retried at the
	 * next run.
	 */
	CONTINUE,

	/**
	 * Tenants not yet started are skipped, and a start-up run stops the application.
	 */
	STOP

}
