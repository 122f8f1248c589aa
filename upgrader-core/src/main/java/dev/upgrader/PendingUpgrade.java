package dev.upgrader;

import java.time.Duration;
import java.util.List;

/**
 * An upgrade that a run would apply.
 *
 * @param id the upgrade id
 * @param repository the repository part of the id
 * @param title the first line of the upgrade's info
 * @param estimate the expected run time
 * @param dependsOn the ids it depends on
 * @param estimateSource where the estimate comes from
 * @since 0.1.0
 */
public record PendingUpgrade(String id, String repository, String title, Duration estimate, List<String> dependsOn,
		EstimateSource estimateSource) {

	/**
	 * Creates a pending upgrade whose estimate is the one the upgrade declares.
	 * @param id the upgrade id
	 * @param repository the repository part of the id
	 * @param title the first line of the upgrade's info
	 * @param estimate the expected run time, from {@link Upgrade#estimate()}
	 * @param dependsOn the ids it depends on
	 */
	public PendingUpgrade(String id, String repository, String title, Duration estimate, List<String> dependsOn) {
		this(id, repository, title, estimate, dependsOn, EstimateSource.DECLARED);
	}

	/**
	 * Sums the estimates of the given upgrades.
	 * @param upgrades the upgrades
	 * @return the total estimate
	 */
	public static Duration totalEstimate(List<PendingUpgrade> upgrades) {
		return upgrades.stream().map(PendingUpgrade::estimate).reduce(Duration.ZERO, Duration::plus);
	}

	/**
	 * Where an estimate comes from.
	 */
	public enum EstimateSource {

		/** The upgrade's own {@link Upgrade#estimate()}. */
		DECLARED,

		/**
		 * The duration recorded when the same upgrade id ran elsewhere, e.g. log rows
		 * copied from a staging database into {@code upgrader.estimates-table}.
		 */
		RECORDED

	}

}
