package dev.upgrader;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a run over all tenants did on one tenant.
 *
 * @param tenant the tenant's name
 * @param outcome how it ended
 * @param result what was applied, when the run succeeded
 * @param failure why it failed, when it failed
 * @param took the wall-clock time spent on the tenant, lock wait included
 * @since 0.1.0
 */
public record TenantRun(String tenant, Outcome outcome, @Nullable RunResult result, @Nullable RuntimeException failure,
		Duration took) {

	/**
	 * The number of upgrades applied on the tenant.
	 * @return the count; zero unless it succeeded
	 */
	public int appliedCount() {
		return (this.result != null) ? this.result.applied().size() : 0;
	}

	/**
	 * How a tenant's run ended.
	 */
	public enum Outcome {

		/** Every pending upgrade was applied (possibly none). */
		SUCCEEDED,

		/** The run failed; the upgrades before the failure stay recorded. */
		FAILED,

		/** Not started, because another tenant failed with {@code on-failure=stop}. */
		SKIPPED

	}

}
