package dev.upgrader.shell;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.upgrader.UpgradeFailure;

/**
 * Describes the failed attempts of pending upgrades, with the two ways forward.
 */
final class FailureNotes {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private FailureNotes() {
	}

	static String describe(List<UpgradeFailure> failures) {
		StringBuilder notes = new StringBuilder();
		for (UpgradeFailure failure : failures) {
			notes.append("Warning: ")
				.append(failure.id())
				.append(" failed ")
				.append(failure.attempts())
				.append(" time(s), last at ")
				.append(AT.format(failure.failedAt()))
				.append(" UTC on ")
				.append(failure.failedBy())
				.append(": ")
				.append(failure.message())
				.append(System.lineSeparator())
				.append("  The next run retries it; after doing its work by hand, record it with 'upgrader mark-applied ")
				.append(failure.id())
				.append(" --yes-i-know'.")
				.append(System.lineSeparator());
		}
		return notes.toString();
	}

}
