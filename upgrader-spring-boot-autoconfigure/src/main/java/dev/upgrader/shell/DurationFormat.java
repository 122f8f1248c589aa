package dev.upgrader.shell;

import java.time.Duration;

/**
 * Short human forms of durations for tables and progress lines: {@code 340 ms},
 * {@code 12 s}, {@code 3 min 5 s}, {@code 2 h 10 min}.
 */
final class DurationFormat {

	private DurationFormat() {
	}

	static String format(Duration duration) {
		if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
			return duration.toMillis() + " ms";
		}
		long seconds = duration.getSeconds();
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min " + (seconds % 60) + " s";
		}
		return (seconds / 3600) + " h " + ((seconds % 3600) / 60) + " min";
	}

}
