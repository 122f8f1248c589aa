package dev.upgrader.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed upgrade id: {@code <repository>_<yyyy>_<mm>_<dd>_<name>} or
 * {@code <repository>_release_<x>_<y>_<z>}.
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
public record UpgradeId(String value, String repository, String name, boolean release) implements Comparable<UpgradeId> {

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
		Matcher dated = DATED.matcher(id);
		if (dated.matches()) {
			int month = Integer.parseInt(dated.group(4));
			int day = Integer.parseInt(dated.group(5));
			if (month < 1 || month > 12 || day < 1 || day > 31) {
				throw new InvalidUpgradeIdException(id, "'" + dated.group(2) + "' is not a date (yyyy_mm_dd)");
			}
			return new UpgradeId(id, dated.group(1), dated.group(6), false);
		}
		Matcher release = RELEASE.matcher(id);
		if (release.matches()) {
			return new UpgradeId(id, release.group(1), release.group(2), true);
		}
		throw new InvalidUpgradeIdException(id,
				"expected <repository>_<yyyy>_<mm>_<dd>_<name> or <repository>_release_<x>_<y>_<z>");
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
