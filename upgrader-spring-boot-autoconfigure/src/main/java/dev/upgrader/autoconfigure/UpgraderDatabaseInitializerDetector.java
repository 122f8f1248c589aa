package dev.upgrader.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * A {@link DatabaseInitializerDetector} for the {@link UpgraderInitializer}. Ordered
 * after Spring Boot's detectors of Flyway, Liquibase and SQL scripts, so that the
 * upgrades run after them, as in the runner phase.
 */
class UpgraderDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	/**
	 * The order of this detector: after SQL scripts
	 * ({@code Ordered.LOWEST_PRECEDENCE - 100}) and Flyway and Liquibase ({@code 0} and
	 * {@code 1}).
	 */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 50;

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(UpgraderInitializer.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
