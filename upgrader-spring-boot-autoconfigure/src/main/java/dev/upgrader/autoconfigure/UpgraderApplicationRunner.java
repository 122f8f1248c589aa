package dev.upgrader.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderException;
import dev.upgrader.autoconfigure.UpgraderProperties.OnFailure;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Runs pending upgrades, unattended, once the context has started and before any other
 * runner (Spring Shell's prompt included). The application is live but refuses traffic
 * meanwhile. A failure stops the application, or with
 * {@code upgrader.on-failure=refuse-traffic} leaves it running and refusing traffic. Used
 * with {@code upgrader.auto-run-phase=runner}, and with {@code auto} when no bean depends
 * on database initialization.
 * <p>
 * To replace it, declare a bean of this type (a subclass, say) taking the auto-configured
 * {@link UpgraderReadinessGuard}; the auto-configured runner then backs off.
 *
 * @since 0.1.0
 */
public class UpgraderApplicationRunner implements ApplicationRunner, Ordered {

	/**
	 * The order of this runner: ahead of runners that keep the default order.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final Log logger = LogFactory.getLog(UpgraderApplicationRunner.class);

	private final Upgrader upgrader;

	private final UpgraderReadinessGuard readiness;

	private final OnFailure onFailure;

	private final @Nullable TenantsStartupRun tenants;

	/**
	 * Creates a runner.
	 * @param upgrader the upgrader whose pending upgrades run
	 * @param readiness the auto-configured guard that refuses traffic during the run and
	 * after a failed one
	 * @param onFailure what a failed run does: stop the application or refuse traffic
	 */
	public UpgraderApplicationRunner(Upgrader upgrader, UpgraderReadinessGuard readiness, OnFailure onFailure) {
		this(upgrader, readiness, onFailure, null);
	}

	/**
	 * Creates a runner that upgrades the tenants, when there are some, instead of the
	 * upgrader's database.
	 * @param upgrader the upgrader whose pending upgrades run when there are no tenants
	 * @param readiness the auto-configured guard that refuses traffic during the run and
	 * after a failed one
	 * @param onFailure what a failed run does: stop the application or refuse traffic
	 * @param tenants the run over all tenants, or {@code null} without tenants
	 */
	public UpgraderApplicationRunner(Upgrader upgrader, UpgraderReadinessGuard readiness, OnFailure onFailure,
			@Nullable TenantsStartupRun tenants) {
		this.upgrader = upgrader;
		this.readiness = readiness;
		this.onFailure = onFailure;
		this.tenants = tenants;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.readiness.runStarting();
		try {
			if (this.tenants != null) {
				this.tenants.run();
			}
			else {
				report(this.upgrader.run(RunOptions.unattended()));
			}
		}
		catch (RuntimeException ex) {
			if (this.onFailure == OnFailure.STOP) {
				logStopping(ex);
				throw ex;
			}
			logger.error("Upgrader start-up run failed; the application stays up but refuses traffic"
					+ " (upgrader.on-failure=refuse-traffic)", ex);
			this.readiness.runFailed(ex);
		}
	}

	/**
	 * Logs the stack trace of a failure that stops the application: the failure analysis
	 * shows only the message. A failure without a cause (bad input) needs no trace, and
	 * one that is not Upgrader's gets its trace from Spring Boot.
	 */
	static void logStopping(RuntimeException ex) {
		if (ex instanceof UpgraderException && ex.getCause() != null) {
			logger.error("Upgrader start-up run failed; the application stops (upgrader.on-failure=stop)", ex);
		}
	}

	static void report(RunResult result) {
		if (result.applied().isEmpty()) {
			logger.info("Upgrader: no pending upgrades (" + result.took().toMillis() + " ms)");
		}
		else {
			logger.info("Upgrader applied " + result.applied().size() + " upgrade(s) in " + result.took().toMillis()
					+ " ms: " + String.join(", ", result.applied()));
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
