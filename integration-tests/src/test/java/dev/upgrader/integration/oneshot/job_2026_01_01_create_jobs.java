package dev.upgrader.integration.oneshot;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Creates the jobs table. */
public class job_2026_01_01_create_jobs extends AbstractUpgrade {

	public job_2026_01_01_create_jobs() {
		super("Create the jobs table");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("CREATE TABLE it_job (id BIGINT NOT NULL PRIMARY KEY)");
	}

}
