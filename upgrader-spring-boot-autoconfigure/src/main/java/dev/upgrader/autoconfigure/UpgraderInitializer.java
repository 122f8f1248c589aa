package dev.upgrader.autoconfigure;

import dev.upgrader.RunOptions;
import dev.upgrader.Upgrader;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs pending upgrades, unattended, while the context starts. Detected as a database
 * initializer, so beans that depend on database initialization are created after it.
 * <p>
 * Used with {@code upgrader.auto-run-phase=initializer}, and with {@code auto} when the
 * context has beans that depend on database initialization. It runs after Flyway,
 * Liquibase and SQL script initializers. The application's JDBC templates do not wait for
 * it, so upgrades can take them by constructor. To replace it, declare a bean of this
 * type (a subclass, say): it is detected as a database initializer too, and the
 * auto-configured initializer backs off.
 *
 * @since 0.1.0
 */
public class UpgraderInitializer implements InitializingBean {

	private final Upgrader upgrader;

	/**
	 * Creates an initializer.
	 * @param upgrader the upgrader whose pending upgrades run
	 */
	public UpgraderInitializer(Upgrader upgrader) {
		this.upgrader = upgrader;
	}

	@Override
	public void afterPropertiesSet() {
		try {
			UpgraderApplicationRunner.report(this.upgrader.run(RunOptions.unattended()));
		}
		catch (RuntimeException ex) {
			UpgraderApplicationRunner.logStopping(ex);
			throw ex;
		}
	}

}
