package dev.upgrader;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A parsed upgrade id: {@code repository_yyyy_mm_dd_name} or
 * {@code repository_release_x_y_z}.
 * <p>
 * As in Invenio-Upgrader the repository is the longest prefix before a date part, else
 * before {@code _release_}. Ids are Java class names, so every part must be a Java
 * identifier fragment. The only way to get one is {@link #parse(String)}.
 *
 * @since 0.1.0
 */
public final class UpgradeId implements Comparable<UpgradeId> {

	private static final Pattern DATED = Pattern
		.compile("([A-Za-z][A-Za-z0-9_]*)_((\\d{4})_(\\d{2})_(\\d{2}))_([A-Za-z0-9][A-Za-z0-9_]*)");

	private static final Pattern RELEASE = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)_release_(\\d+_\\d+_\\d+)");

	private final String value;

	/**
	 * Where the repository ends and the name starts in {@link #value}: the parts are cut
	 * when asked for, since planning parses every id but reads few parts (#14).
	 */
	private final int repositoryEnd;

	private final int nameStart;

	private final boolean release;

	private UpgradeId(String value, int repositoryEnd, int nameStart, boolean release) {
		this.value = value;
		this.repositoryEnd = repositoryEnd;
		this.nameStart = nameStart;
		this.release = release;
	}

	/**
	 * Parses an id.
	 * @param id the id
	 * @return the parsed id
	 * @throws InvalidUpgradeIdException when the id has neither form, naming it
	 */
	public static UpgradeId parse(String id) {
		int date = datePosition(id);
		if (date > 0) {
			return dated(id, date, date + 1, date + 12);
		}
		Matcher dated = DATED.matcher(id);
		if (dated.matches()) {
			return dated(id, dated.end(1), dated.start(2), dated.start(6));
		}
		Matcher release = RELEASE.matcher(id);
		if (release.matches()) {
			return new UpgradeId(id, release.end(1), release.start(2), true);
		}
		throw new InvalidUpgradeIdException(id,
				"expected <repository>_<yyyy>_<mm>_<dd>_<name> or <repository>_release_<x>_<y>_<z>");
	}

	private static UpgradeId dated(String id, int repositoryEnd, int dateStart, int nameStart) {
		int month = Integer.parseInt(id, dateStart + 5, dateStart + 7, 10);
		int day = Integer.parseInt(id, dateStart + 8, dateStart + 10, 10);
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			throw new InvalidUpgradeIdException(id,
					"'" + id.substring(dateStart, dateStart + 10) + "' is not a date (yyyy_mm_dd)");
		}
		return new UpgradeId(id, repositoryEnd, nameStart, false);
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

	/**
	 * The whole id.
	 * @return the id as parsed
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The repository (graph) the upgrade belongs to.
	 * @return the repository part
	 */
	public String repository() {
		return this.value.substring(0, this.repositoryEnd);
	}

	/**
	 * What follows the date, or the version of a release.
	 * @return the name part
	 */
	public String name() {
		return this.value.substring(this.nameStart);
	}

	/**
	 * Whether this is a release upgrade.
	 * @return {@code true} for {@code repository_release_x_y_z}
	 */
	public boolean release() {
		return this.release;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		// Every part is derived from the whole id.
		return (other instanceof UpgradeId id) && this.value.equals(id.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
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
