package dev.upgrader.metrics;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.upgrader.TenantListener;
import dev.upgrader.TenantRun;

/**
 * Meters of runs over all tenants:
 * <ul>
 * <li>{@value #TENANT_DURATION} (timer, tag {@code outcome}: {@code success},
 * {@code failure} or {@code skipped}, and {@code tenant} when asked for): each tenant's
 * run;</li>
 * <li>{@value #FAILED_TENANTS} (gauge): tenants that failed in the last run of this
 * process.</li>
 * </ul>
 * The {@code tenant} tag is off by default: one time series per tenant grows with every
 * tenant signed up.
 *
 * @since 0.1.0
 */
public class UpgraderTenantMetrics implements TenantListener {

	/** Timer of each tenant's run. */
	public static final String TENANT_DURATION = "upgrader.tenant.run.duration";

	/** Gauge of the tenants that failed in the last run. */
	public static final String FAILED_TENANTS = "upgrader.tenants.failed";

	private final MeterRegistry registry;

	private final boolean tenantTag;

	private final AtomicInteger failedInRun = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	/**
	 * Creates the meters.
	 * @param registry where to register them
	 * @param tenantTag whether the timer has a {@code tenant} tag
	 */
	public UpgraderTenantMetrics(MeterRegistry registry, boolean tenantTag) {
		this.registry = registry;
		this.tenantTag = tenantTag;
		Gauge.builder(FAILED_TENANTS, this.failed, AtomicInteger::get)
			.description("Tenants that failed in the last run over all tenants")
			.register(registry);
	}

	@Override
	public void tenantsStarting(int tenants, int parallelism) {
		this.failedInRun.set(0);
	}

	@Override
	public void tenantFinished(TenantRun run) {
		String outcome = switch (run.outcome()) {
			case SUCCEEDED -> "success";
			case FAILED -> "failure";
			case SKIPPED -> "skipped";
		};
		Timer.Builder timer = Timer.builder(TENANT_DURATION)
			.description("Runs of one tenant within a run over all tenants")
			.tag("outcome", outcome);
		if (this.tenantTag) {
			timer.tag("tenant", run.tenant());
		}
		timer.register(this.registry).record(run.took());
		if (run.outcome() == TenantRun.Outcome.FAILED) {
			this.failed.set(this.failedInRun.incrementAndGet());
		}
	}

}
