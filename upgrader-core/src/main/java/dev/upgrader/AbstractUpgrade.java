package dev.upgrader;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Convenient base class for an {@link Upgrade}: the description, the dependencies and
 * optionally the estimate are given to the constructor, so only
 * {@link #doUpgrade(UpgradeContext)} remains to be written. The id is still the simple
 * name of the class:
 *
 * <pre class="code">
 * public class shop_2026_02_03_add_product_price extends AbstractUpgrade {
 *
 *     public shop_2026_02_03_add_product_price() {
 *         super("Add a price to products", "shop_2026_01_10_create_products");
 *     }
 *
 *     &#064;Override
 *     public void doUpgrade(UpgradeContext context) {
 *         context.jdbc().execute("ALTER TABLE products ADD COLUMN price_cents BIGINT");
 *     }
 *
 * }
 * </pre>
 *
 * A subclass that takes collaborators by constructor injection passes the same arguments
 * to {@code super(...)}. The members stay overridable, so that class-based proxies
 * delegate them to the upgrade.
 *
 * @since 0.1.0
 */
public abstract class AbstractUpgrade implements Upgrade {

	private final String info;

	private final List<String> dependsOn;

	private final @Nullable Duration estimate;

	/**
	 * Creates an upgrade with the default estimate of one second.
	 * @param info the description; its first line is shown in listings and stored in the
	 * log
	 * @param dependsOn the ids of the upgrades that must be applied first; none only for
	 * the first upgrade of a repository
	 * @throws IllegalArgumentException if the info is blank or a dependency is null or
	 * blank
	 */
	protected AbstractUpgrade(String info, String... dependsOn) {
		this.info = checkInfo(info);
		this.dependsOn = checkDependsOn(dependsOn);
		this.estimate = null;
	}

	/**
	 * Creates an upgrade with its own estimate.
	 * @param info the description; its first line is shown in listings and stored in the
	 * log
	 * @param estimate the expected run time, zero or positive
	 * @param dependsOn the ids of the upgrades that must be applied first; none only for
	 * the first upgrade of a repository
	 * @throws IllegalArgumentException if the info is blank, the estimate null or
	 * negative, or a dependency null or blank
	 */
	protected AbstractUpgrade(String info, Duration estimate, String... dependsOn) {
		this.info = checkInfo(info);
		this.dependsOn = checkDependsOn(dependsOn);
		this.estimate = checkEstimate(estimate);
	}

	@Override
	public List<String> dependsOn() {
		return this.dependsOn;
	}

	@Override
	public String info() {
		return this.info;
	}

	@Override
	public Duration estimate() {
		return (this.estimate != null) ? this.estimate : Upgrade.super.estimate();
	}

	/**
	 * Returns the id, so that logs and debuggers name the upgrade.
	 * @return the id
	 */
	@Override
	public String toString() {
		return id();
	}

	private String checkInfo(@Nullable String info) {
		if (info == null || info.isBlank()) {
			throw invalid("a blank info", "describe the upgrade");
		}
		return info;
	}

	private List<String> checkDependsOn(@Nullable String @Nullable [] dependsOn) {
		if (dependsOn == null) {
			throw invalid("a null dependsOn array", "pass no dependency for a first upgrade");
		}
		for (String id : dependsOn) {
			if (id == null || id.isBlank()) {
				throw invalid("a " + ((id != null) ? "blank" : "null") + " dependency", "pass upgrade ids");
			}
		}
		return List.of(dependsOn);
	}

	private Duration checkEstimate(@Nullable Duration estimate) {
		if (estimate == null || estimate.isNegative()) {
			throw invalid("the estimate " + estimate, "pass zero or a positive duration");
		}
		return estimate;
	}

	private IllegalArgumentException invalid(String what, String advice) {
		return new IllegalArgumentException("Upgrade class " + ClassUtils.getUserClass(getClass()).getName()
				+ " passes " + what + " to the AbstractUpgrade constructor; " + advice);
	}

}
