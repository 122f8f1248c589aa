package dev.upgrader.autoconfigure;

import java.util.function.IntConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.upgrader.RunOptions;
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
 * non-zero status.
 */
final class RunAndExitRunner implements ApplicationRunner, Ordered {

	private static final Log logger = LogFactory.getLog(RunAndExitRunner.class);

	private final Upgrader upgrader;

	private final boolean appliedAtStartup;

	private final ApplicationContext context;

	private final IntConsumer exit;

	/**
	 * Creates the runner.
	 * @param upgrader the upgrader whose pending upgrades run
	 * @param appliedAtStartup whether an initializer applied them while the context
	 * started
	 * @param context the context to close
	 * @param exit ends the process with a status
	 */
	RunAndExitRunner(Upgrader upgrader, boolean appliedAtStartup, ApplicationContext context, IntConsumer exit) {
		this.upgrader = upgrader;
		this.appliedAtStartup = appliedAtStartup;
		this.context = context;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.appliedAtStartup) {
			UpgraderApplicationRunner.report(this.upgrader.run(RunOptions.unattended()));
		}
		int status = SpringApplication.exit(this.context);
		logger.info("upgrader.mode=run-and-exit: upgrades applied, exiting with status " + status);
		this.exit.accept(status);
	}

	@Override
	public int getOrder() {
		return UpgraderApplicationRunner.ORDER;
	}

}
