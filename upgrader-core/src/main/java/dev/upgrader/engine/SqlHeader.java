package dev.upgrader.engine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.upgrader.InvalidUpgradeIdException;
import dev.upgrader.UpgradeId;

/**
 * The header of an SQL upgrade file: the comment lines at its top. A line
 * {@code -- key: value} declares {@code depends-on} (comma-separated ids; may repeat),
 * {@code info} (required) or {@code estimate} ({@code 500ms}, {@code 5s}, {@code 2m},
 * {@code 1h} or ISO-8601 such as {@code PT5S}); any other key is refused, so that a typo
 * is not silently ignored. Other comment lines and blank lines are allowed; the header
 * ends at the first other line.
 *
 * @param dependsOn the ids the upgrade depends on
 * @param info the description
 * @param estimate the estimate, or {@code null} for the default
 */
record SqlHeader(List<String> dependsOn, String info, @Nullable Duration estimate) {

	private static final Pattern ENTRY = Pattern.compile("--\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*:(.*)");

	private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

	/**
	 * Reads the header of a file.
	 * @param text the file's text
	 * @return the header
	 * @throws SqlFileException naming the line of a bad entry, or when {@code info} is
	 * missing
	 */
	static SqlHeader parse(String text) {
		List<String> dependsOn = new ArrayList<>();
		String info = null;
		Duration estimate = null;
		int number = 0;
		for (String line : text.lines().toList()) {
			number++;
			String stripped = line.strip();
			if (stripped.isEmpty()) {
				continue;
			}
			if (!stripped.startsWith("--")) {
				break;
			}
			Matcher entry = ENTRY.matcher(stripped);
			if (!entry.matches()) {
				continue;
			}
			String key = entry.group(1);
			String value = entry.group(2).strip();
			switch (key) {
				case "depends-on" -> dependsOn.addAll(ids(value, number));
				case "info" -> info = once(info, key, number, value.isEmpty() ? blank(number) : value);
				case "estimate" -> estimate = once(estimate, key, number, estimate(value, number));
				default -> throw new SqlFileException("line " + number + ": unknown header key '" + key
						+ "' (the header knows depends-on, info and estimate)");
			}
		}
		if (info == null) {
			throw new SqlFileException("the header lacks '-- info: <description>', which is required");
		}
		return new SqlHeader(List.copyOf(dependsOn), info, estimate);
	}

	private static <T> T once(@Nullable T existing, String key, int line, T value) {
		if (existing != null) {
			throw new SqlFileException("line " + line + ": '" + key + "' is declared twice");
		}
		return value;
	}

	private static String blank(int line) {
		throw new SqlFileException("line " + line + ": 'info' is blank; describe the upgrade");
	}

	private static List<String> ids(String value, int line) {
		List<String> ids = Arrays.stream(value.split(",")).map(String::strip).filter((id) -> !id.isEmpty()).toList();
		for (String id : ids) {
			try {
				UpgradeId.parse(id);
			}
			catch (InvalidUpgradeIdException ex) {
				throw new SqlFileException("line " + line + ": depends-on names an invalid id: " + ex.getMessage());
			}
		}
		return ids;
	}

	private static Duration estimate(String value, int line) {
		Matcher simple = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
		try {
			if (simple.matches()) {
				long amount = Long.parseLong(simple.group(1));
				return switch (simple.group(2)) {
					case "ms" -> Duration.ofMillis(amount);
					case "s" -> Duration.ofSeconds(amount);
					case "m" -> Duration.ofMinutes(amount);
					default -> Duration.ofHours(amount);
				};
			}
			Duration parsed = Duration.parse(value);
			if (!parsed.isNegative()) {
				return parsed;
			}
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			// reported below
		}
		throw new SqlFileException(
				"line " + line + ": estimate '" + value + "' is not a duration; write e.g. 500ms, 5s, 2m, 1h or PT5S");
	}

}
