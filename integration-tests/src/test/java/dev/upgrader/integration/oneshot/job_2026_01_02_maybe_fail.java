package dev.upgrader.integration.oneshot;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;
import org.springframework.core.env.Environment;

/**
 * Fails when {@code oneshot.fail} is set, or on the tenant {@code oneshot.fail-tenant}.
 */
public class job_2026_01_02_maybe_fail extends AbstractUpgrade {

	private final boolean fail;

	private final String failTenant;

	public job_2026_01_02_maybe_fail(Environment environment) {
		super("Insert the first job, or fail on purpose", "job_2026_01_01_create_jobs");
		this.fail = environment.getProperty("oneshot.fail", Boolean.class, false);
		this.failTenant = environment.getProperty("oneshot.fail-tenant", "");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		if (this.fail || this.failTenant.equals(context.tenant())) {
			throw new IllegalStateException("The job upgrade fails on purpose");
		}
		context.jdbc().update("INSERT INTO it_job (id) VALUES (1)");
	}

}
