package dev.upgrader.autoconfigure;

import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.upgrader.RunOptions;
import dev.upgrader.TenantFailurePolicy;
import dev.upgrader.TenantListener;
import dev.upgrader.TenantRun;
import dev.upgrader.TenantsRunResult;
import dev.upgrader.UpgraderException;
import dev.upgrader.UpgraderTenants;

/**
 * The start-up run when Upgrader has tenants: upgrades all of them, unattended, and logs
 * the summary. With {@code upgrader.tenants.on-failure=continue} failed tenants are
 * logged and the start goes on; with {@code stop} it fails, naming them.
 *
 * @since 0.1.0
 */
public class TenantsStartupRun {

	private static final Log logger = LogFactory.getLog(TenantsStartupRun.class);

	private final UpgraderTenants tenants;

	private final TenantFailurePolicy onFailure;

	private final TenantListener listener;

	/**
	 * Creates the start-up run.
	 * @param tenants the tenants
	 * @param onFailure what a failed tenant does to the start
	 * @param listener told of each tenant's start and end
	 */
	public TenantsStartupRun(UpgraderTenants tenants, TenantFailurePolicy onFailure, TenantListener listener) {
		this.tenants = tenants;
		this.onFailure = onFailure;
		this.listener = listener;
	}

	/**
	 * Upgrades every tenant.
	 * @return what happened on each
	 * @throws UpgraderException naming the failed tenants, with the first failure as
	 * cause, when some failed and the policy is {@code stop}
	 */
	public TenantsRunResult run() {
		return report(this.tenants.runAll(RunOptions.unattended(), this.listener));
	}

	/**
	 * This process's last run over all tenants.
	 * @return the run, or empty before the first
	 */
	public Optional<TenantsRunResult> lastRun() {
		return this.tenants.lastRun();
	}

	private TenantsRunResult report(TenantsRunResult result) {
		List<TenantRun> failed = result.failed();
		String summary = "Upgrader upgraded " + (result.tenants().size() - failed.size() - result.skipped().size())
				+ " of " + result.tenants().size() + " tenant(s) in " + result.took().toMillis() + " ms, applying "
				+ result.appliedCount() + " upgrade(s)";
		if (failed.isEmpty()) {
			logger.info(summary);
			return result;
		}
		String names = String.join(", ", failed.stream().map(TenantRun::tenant).toList());
		if (this.onFailure == TenantFailurePolicy.STOP) {
			throw new UpgraderException(
					summary + "; " + failed.size() + " failed (" + names + "), " + result.skipped().size()
							+ " skipped (upgrader.tenants.on-failure=stop). First failure, tenant "
							+ failed.get(0).tenant() + ": " + failed.get(0).failure().getMessage(),
					failed.get(0).failure());
		}
		logger.error(summary + "; " + failed.size() + " tenant(s) failed and are retried at the next start: " + names
				+ " (upgrader.tenants.on-failure=continue)");
		return result;
	}

}
