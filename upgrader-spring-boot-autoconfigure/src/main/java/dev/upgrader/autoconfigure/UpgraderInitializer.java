package dev.upgrader.autoconfigure;

import org.jspecify.annotations.Nullable;

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

	private final @Nullable TenantsStartupRun tenants;

	/**
	 * Creates an initializer.
	 * @param upgrader the upgrader whose pending upgrades run
	 */
	public UpgraderInitializer(Upgrader upgrader) {
		this(upgrader, null);
	}

	/**
	 * Creates an initializer that upgrades the tenants, when there are some, instead of
	 * the upgrader's database.
	 * @param upgrader the upgrader whose pending upgrades run when there are no tenants
	 * @param tenants the run over all tenants, or {@code null} without tenants
	 */
	public UpgraderInitializer(Upgrader upgrader, @Nullable TenantsStartupRun tenants) {
		this.upgrader = upgrader;
		this.tenants = tenants;
	}

	@Override
	public void afterPropertiesSet() {
		try {
			if (this.tenants != null) {
				this.tenants.run();
			}
			else {
				UpgraderApplicationRunner.report(this.upgrader.run(RunOptions.unattended()));
			}
		}
		catch (RuntimeException ex) {
			UpgraderApplicationRunner.logStopping(ex);
			throw ex;
		}
	}

}
