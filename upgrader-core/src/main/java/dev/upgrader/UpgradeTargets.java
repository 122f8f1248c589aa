package dev.upgrader;

import java.util.List;

/**
 * The tenants to upgrade, when they are not schemas of the application's DataSource
 * ({@code upgrader.tenants.schemas}): declare a bean of this type returning, say, the
 * targets of an {@code AbstractRoutingDataSource} or the rows of a tenant registry.
 * Called at every multi-tenant operation, so tenants added since are included.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface UpgradeTargets {

	/**
	 * The tenants, each with a unique name.
	 * @return the targets
	 */
	List<UpgradeTarget> targets();

}
