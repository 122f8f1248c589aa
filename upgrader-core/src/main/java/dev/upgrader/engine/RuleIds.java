package dev.upgrader.engine;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;

import dev.upgrader.InvalidUpgradeIdException;
import dev.upgrader.UpgradeId;

/**
 * What the rules read from ids: repositories, dates and release versions.
 */
final class RuleIds {

	/** Orders releases by version, numerically: 1_10_0 after 1_9_0. */
	static final Comparator<UpgradeId> BY_VERSION = Comparator.comparing(RuleIds::version, RuleIds::compareVersions);

	private RuleIds() {
	}

	/** The repository of an id, or {@code null} when it is malformed. */
	static @Nullable String repositoryOf(String id) {
		UpgradeId parsed = parse(id);
		return (parsed != null) ? parsed.repository() : null;
	}

	static @Nullable UpgradeId parse(String id) {
		try {
			return UpgradeId.parse(id);
		}
		catch (InvalidUpgradeIdException ex) {
			return null;
		}
	}

	/**
	 * The date of a dated id as {@code yyyy_mm_dd}, which sorts as the date does;
	 * {@code null} for a release.
	 */
	static @Nullable String dateOf(UpgradeId id) {
		if (id.release()) {
			return null;
		}
		int start = id.repository().length() + 1;
		return id.value().substring(start, start + 10);
	}

	private static String[] version(UpgradeId release) {
		return release.name().split("_");
	}

	/** Part by part, as numbers of any length. */
	private static int compareVersions(String[] a, String[] b) {
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			String x = stripZeros(a[i]);
			String y = stripZeros(b[i]);
			int order = (x.length() != y.length()) ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(a.length, b.length);
	}

	private static String stripZeros(String number) {
		int start = 0;
		while (start < number.length() - 1 && number.charAt(start) == '0') {
			start++;
		}
		return number.substring(start);
	}

}
