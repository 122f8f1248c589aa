package dev.upgrader.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrader;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Runs pending upgrades, unattended, once the context has started and before any other
 * runner (Spring Shell's prompt included). A failure stops the application.
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

	UpgraderApplicationRunner(Upgrader upgrader) {
		this.upgrader = upgrader;
	}

	@Override
	public void run(ApplicationArguments args) {
		report(this.upgrader.run(RunOptions.unattended()));
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
