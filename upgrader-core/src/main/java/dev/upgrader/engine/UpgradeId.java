package dev.upgrader.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed upgrade id: {@code repository_yyyy_mm_dd_name} or
 * {@code repository_release_x_y_z}.
 * <p>
 * As in Invenio-Upgrader the repository is the longest prefix before a date part, else
 * before {@code _release_}. Ids are Java class names, so every part must be a Java
 * identifier fragment.
 *
 * @param value the whole id
 * @param repository the repository (graph) the upgrade belongs to
 * @param name what follows the date, or the version of a release
 * @param release whether this is a release upgrade
 * @since 0.1.0
 */
public record UpgradeId(String value, String repository, String name,
		boolean release) implements Comparable<UpgradeId> {

	private static final Pattern DATED = Pattern
		.compile("([A-Za-z][A-Za-z0-9_]*)_((\\d{4})_(\\d{2})_(\\d{2}))_([A-Za-z0-9][A-Za-z0-9_]*)");

	private static final Pattern RELEASE = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)_release_(\\d+_\\d+_\\d+)");

	/**
	 * Parses an id.
	 * @param id the id
	 * @return the parsed id
	 * @throws InvalidUpgradeIdException when the id has neither form, naming it
	 */
	public static UpgradeId parse(String id) {
		int date = datePosition(id);
		if (date > 0) {
			return dated(id, id.substring(0, date), id.substring(date + 1, date + 11), id.substring(date + 12));
		}
		Matcher dated = DATED.matcher(id);
		if (dated.matches()) {
			return dated(id, dated.group(1), dated.group(2), dated.group(6));
		}
		Matcher release = RELEASE.matcher(id);
		if (release.matches()) {
			return new UpgradeId(id, release.group(1), release.group(2), true);
		}
		throw new InvalidUpgradeIdException(id,
				"expected <repository>_<yyyy>_<mm>_<dd>_<name> or <repository>_release_<x>_<y>_<z>");
	}

	private static UpgradeId dated(String id, String repository, String date, String name) {
		int month = Integer.parseInt(date, 5, 7, 10);
		int day = Integer.parseInt(date, 8, 10, 10);
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			throw new InvalidUpgradeIdException(id, "'" + date + "' is not a date (yyyy_mm_dd)");
		}
		return new UpgradeId(id, repository, name, false);
	}

	/**
	 * Where {@link #DATED} would find the date ({@code _yyyy_mm_dd_}), without the regex:
	 * matching it took about 40% of planning 10,000 upgrades (#6). Like the greedy regex,
	 * takes the last position that leaves a name; returns 0 when the id is not plainly
	 * dated, and the regex then decides.
	 */
	static int datePosition(String id) {
		int length = id.length();
		if (length < 14 || !isLetter(id.charAt(0))) {
			return 0;
		}
		for (int i = 1; i < length; i++) {
			if (!isWordChar(id.charAt(i))) {
				return 0;
			}
		}
		for (int p = length - 13; p >= 1; p--) {
			if (isDateAt(id, p) && id.charAt(p + 12) != '_') {
				return p;
			}
		}
		return 0;
	}

	/** {@code _dddd_dd_dd_} at {@code p}. */
	private static boolean isDateAt(String id, int p) {
		for (int i = 0; i < 12; i++) {
			char c = id.charAt(p + i);
			boolean underscore = (i == 0 || i == 5 || i == 8 || i == 11);
			if (underscore ? c != '_' : (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	private static boolean isLetter(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}

	private static boolean isWordChar(char c) {
		return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
	}

	@Override
	public int compareTo(UpgradeId other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
