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
 * @since 0.1.0
 */
public record PendingUpgrade(String id, String repository, String title, Duration estimate, List<String> dependsOn) {

	/**
	 * Sums the estimates of the given upgrades.
	 * @param upgrades the upgrades
	 * @return the total estimate
	 */
	public static Duration totalEstimate(List<PendingUpgrade> upgrades) {
		return upgrades.stream().map(PendingUpgrade::estimate).reduce(Duration.ZERO, Duration::plus);
	}

}
