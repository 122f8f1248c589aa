package dev.upgrader.shell;

import java.time.Duration;

/**
 * Turns a run's estimate into the coarse bucket that Invenio-Upgrader shows: estimates
 * are guesses, so exact seconds would promise too much.
 */
final class EstimateBuckets {

	private static final long[] LIMITS = { 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600 };

	private static final String[] LABELS = { "less than 1 minute", "less than 5 minutes", "less than 10 minutes",
			"less than 30 minutes", "less than 1 hour", "less than 3 hours", "less than 6 hours", "less than 12 hours",
			"less than 1 day" };

	private EstimateBuckets() {
	}

	/**
	 * The bucket an estimate falls in.
	 * @param estimate the summed estimate
	 * @return e.g. {@code "less than 5 minutes"}, or {@code "more than 1 day"}
	 */
	static String bucket(Duration estimate) {
		long seconds = estimate.getSeconds();
		for (int i = 0; i < LIMITS.length; i++) {
			if (seconds < LIMITS[i]) {
				return LABELS[i];
			}
		}
		return "more than 1 day";
	}

}
