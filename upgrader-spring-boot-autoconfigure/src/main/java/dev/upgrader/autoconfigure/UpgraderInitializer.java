package dev.upgrader.autoconfigure;

import dev.upgrader.RunOptions;
import dev.upgrader.Upgrader;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs pending upgrades, unattended, while the context starts. Detected as a database
 * initializer, so beans that depend on database initialization are created after it.
 *
 * @since 0.1.0
 */
public class UpgraderInitializer implements InitializingBean {

	private final Upgrader upgrader;

	UpgraderInitializer(Upgrader upgrader) {
		this.upgrader = upgrader;
	}

	@Override
	public void afterPropertiesSet() {
		UpgraderApplicationRunner.report(this.upgrader.run(RunOptions.unattended()));
	}

}
