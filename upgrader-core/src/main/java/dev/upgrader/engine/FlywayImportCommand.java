package dev.upgrader.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.FlywayImport;
import dev.upgrader.InvalidUpgradeIdException;
import dev.upgrader.UpgradeId;
import dev.upgrader.UpgraderException;

/**
 * The {@code import flyway} command: records each successful versioned migration of a
 * Flyway history as an applied upgrade (kind {@code import}), under the lock, so that new
 * upgrades can depend on the last one. A migration {@code V1_2__Add books}, installed on
 * 2026-03-01, becomes {@code repository_2026_03_01_v1_2_add_books}: the date of
 * {@code installed_on}, {@code v} and the version, then the description, each run of
 * other characters than letters and digits turned into one {@code _}, in lower case. Each
 * row is recorded at its {@code installed_on} (made a millisecond later than the row
 * before where Flyway's timestamps tie, to keep Flyway's order). Failed rows, repeatable
 * migrations and migrations undone or deleted later are not imported and are named;
 * Flyway's own marker rows (schema and table creation) are ignored.
 */
final class FlywayImportCommand {

	private static final Log logger = LogFactory.getLog(FlywayImportCommand.class);

	private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]|[A-Za-z]");

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy_MM_dd");

	private static final int MAX_NAME = 120;

	private final FlywayHistory history;

	private final UpgradeLog log;

	private final UpgradeLock lock;

	private final InPlaceRows inPlace;

	FlywayImportCommand(FlywayHistory history, UpgradeLog log, UpgradeLock lock, InPlaceRows inPlace) {
		this.history = history;
		this.log = log;
		this.lock = lock;
		this.inPlace = inPlace;
	}

	FlywayImport importFlyway(@Nullable String table, @Nullable String repository) {
		if (repository == null || !REPOSITORY.matcher(repository).matches()) {
			throw new UpgraderException("Invalid repository '" + repository
					+ "' for the imported Flyway migrations: a letter, then letters, digits or '_', not ending in '_'");
		}
		try (UpgradeLock.Held held = this.lock.acquire()) {
			List<FlywayHistory.Row> rows = this.history.read(table);
			List<String> skipped = new ArrayList<>();
			Map<String, AppliedUpgrade> byVersion = new LinkedHashMap<>();
			for (FlywayHistory.Row row : rows) {
				select(row, repository, byVersion, skipped);
			}
			keepFlywaysOrder(byVersion);
			return record(byVersion, LogPlanner.ids(this.log.read()), skipped, held);
		}
	}

	private FlywayImport record(Map<String, AppliedUpgrade> byVersion, Set<String> logged, List<String> skipped,
			UpgradeLock.Held held) {
		List<AppliedUpgrade> rows = byVersion.values().stream().filter((row) -> !logged.contains(row.id())).toList();
		List<String> already = byVersion.values().stream().map(AppliedUpgrade::id).filter(logged::contains).toList();
		if (!rows.isEmpty()) {
			this.inPlace.record(held, rows);
		}
		List<String> imported = rows.stream().map(AppliedUpgrade::id).toList();
		String last = byVersion.isEmpty() ? null : List.copyOf(byVersion.values()).get(byVersion.size() - 1).id();
		logger.info("Imported " + imported.size() + " Flyway migration(s)"
				+ (already.isEmpty() ? "" : ", " + already.size() + " imported before") + ", skipped " + skipped.size()
				+ ((last != null) ? "; new upgrades depend on " + last : "") + ".");
		skipped.forEach((row) -> logger.warn("Not imported: " + row));
		return new FlywayImport(imported, already, skipped, last);
	}

	private static void select(FlywayHistory.Row row, String repository, Map<String, AppliedUpgrade> byVersion,
			List<String> skipped) {
		String type = row.type().toUpperCase(Locale.ROOT);
		if (type.equals("DELETE") || type.startsWith("UNDO")) {
			AppliedUpgrade cancelled = (row.version() != null) ? byVersion.remove(row.version()) : null;
			skipped.add(row.label() + ": a Flyway " + type + " row"
					+ ((cancelled != null) ? ", which cancels " + cancelled.id() + " (not imported either)" : ""));
			return;
		}
		if (type.equals("SCHEMA") || type.equals("TABLE")) {
			// Flyway's own markers of the schemas and the table it created: no migration.
			return;
		}
		if (!row.success()) {
			skipped.add(row.label() + ": failed in Flyway (success = false): repair it with Flyway first, or redo"
					+ " its work in an upgrade");
			return;
		}
		if (row.version() == null) {
			skipped.add(row.label() + ": a repeatable migration (Upgrader has none); turn what it still does into"
					+ " an upgrade");
			return;
		}
		String id = id(row, repository);
		byVersion.remove(row.version());
		byVersion.put(row.version(),
				new AppliedUpgrade(id, row.installedOn().toInstant(ZoneOffset.UTC), AppliedUpgrade.Kind.IMPORT,
						Duration.ofMillis(row.executionMillis()), row.installedBy() + " (Flyway)",
						"Flyway V" + row.version() + ": " + row.description() + " (" + row.script() + ")"));
	}

	/**
	 * The log lists rows by time, then id; Flyway's timestamps tie within a second on
	 * some databases, so a later migration gets at least a millisecond more than the one
	 * before it.
	 */
	private static void keepFlywaysOrder(Map<String, AppliedUpgrade> byVersion) {
		Instant previous = null;
		for (Map.Entry<String, AppliedUpgrade> entry : byVersion.entrySet()) {
			AppliedUpgrade row = entry.getValue();
			if (previous != null && !row.applied().isAfter(previous)) {
				row = new AppliedUpgrade(row.id(), previous.plusMillis(1), row.kind(), row.duration(), row.appliedBy(),
						row.info());
				entry.setValue(row);
			}
			previous = row.applied();
		}
	}

	/** See the class description; checked against the rules of every upgrade id. */
	static String id(FlywayHistory.Row row, String repository) {
		String name = words("v" + row.version() + "_" + row.description());
		if (name.length() > MAX_NAME) {
			name = name.substring(0, MAX_NAME).replaceAll("_+$", "");
		}
		String id = repository + "_" + DATE.format(row.installedOn()) + "_" + name;
		try {
			return UpgradeId.parse(id).value();
		}
		catch (InvalidUpgradeIdException ex) {
			throw new UpgraderException(
					"Cannot import " + row.label() + ": its id " + id + " is not valid: " + ex.getMessage(), ex);
		}
	}

	private static String words(String text) {
		return NOT_ALPHANUMERIC.matcher(text).replaceAll("_").replaceAll("^_+|_+$", "").toLowerCase(Locale.ROOT);
	}

}
