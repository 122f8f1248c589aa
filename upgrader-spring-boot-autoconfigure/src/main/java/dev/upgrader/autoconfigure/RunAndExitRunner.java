package dev.upgrader.autoconfigure;

import java.util.List;
import java.util.function.IntConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.RunOptions;
import dev.upgrader.TenantRun;
import dev.upgrader.TenantsRunResult;
import dev.upgrader.Upgrader;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;

/**
 * The one-shot mode ({@code upgrader.mode=run-and-exit}): applies pending upgrades,
 * unless the initializer phase applied them while the context started, then closes the
 * context and exits with {@link SpringApplication#exit}'s status (0 unless an
 * {@code ExitCodeGenerator} bean says otherwise), before any other runner. A failed run
 * throws, so the application fails to start as usual and the process exits with a
 * non-zero status. With tenants it upgrades them instead, and exits with status 1 when
 * one failed ({@code upgrader.tenants.on-failure=continue}: the others were upgraded).
 */
final class RunAndExitRunner implements ApplicationRunner, Ordered {

	private static final Log logger = LogFactory.getLog(RunAndExitRunner.class);

	private final Upgrader upgrader;

	private final @Nullable TenantsStartupRun tenants;

	private final boolean appliedAtStartup;

	private final ApplicationContext context;

	private final IntConsumer exit;

	/**
	 * Creates the runner.
	 * @param upgrader the upgrader whose pending upgrades run when there are no tenants
	 * @param tenants the run over all tenants, or {@code null} without tenants
	 * @param appliedAtStartup whether an initializer applied them while the context
	 * started
	 * @param context the context to close
	 * @param exit ends the process with a status
	 */
	RunAndExitRunner(Upgrader upgrader, @Nullable TenantsStartupRun tenants, boolean appliedAtStartup,
			ApplicationContext context, IntConsumer exit) {
		this.upgrader = upgrader;
		this.tenants = tenants;
		this.appliedAtStartup = appliedAtStartup;
		this.context = context;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.tenants != null) {
			List<TenantRun> failed = tenantsRun(this.tenants).failed();
			if (!failed.isEmpty()) {
				int status = SpringApplication.exit(this.context, () -> 1);
				logger.error("upgrader.mode=run-and-exit: " + failed.size() + " tenant(s) failed ("
						+ String.join(", ", failed.stream().map(TenantRun::tenant).toList()) + "), exiting with status "
						+ status);
				this.exit.accept(status);
				return;
			}
		}
		else if (!this.appliedAtStartup) {
			UpgraderApplicationRunner.report(this.upgrader.run(RunOptions.unattended()));
		}
		int status = SpringApplication.exit(this.context);
		logger.info("upgrader.mode=run-and-exit: upgrades applied, exiting with status " + status);
		this.exit.accept(status);
	}

	private TenantsRunResult tenantsRun(TenantsStartupRun tenants) {
		if (this.appliedAtStartup) {
			return tenants.lastRun().orElseGet(tenants::run);
		}
		return tenants.run();
	}

	@Override
	public int getOrder() {
		return UpgraderApplicationRunner.ORDER;
	}

}
