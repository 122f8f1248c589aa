package dev.upgrader;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link Upgrader#importFlyway(String, String)}.
 *
 * @param imported the ids recorded, in Flyway's order ({@code installed_rank})
 * @param alreadyImported the ids that were in the log already, so not written again
 * @param skipped the rows of the history not imported, each naming the row and why
 * (failed migrations, repeatable migrations, Flyway's own marker rows)
 * @param last the id new upgrades of the repository depend on: the last successful
 * migration, {@code null} when the history has none
 * @since 0.1.0
 */
public record FlywayImport(List<String> imported, List<String> alreadyImported, List<String> skipped,
		@Nullable String last) {

	/**
	 * Creates the outcome, copying every list.
	 * @param imported the ids recorded
	 * @param alreadyImported the ids that were in the log already
	 * @param skipped the rows not imported, with why
	 * @param last the id new upgrades depend on, or {@code null}
	 */
	public FlywayImport {
		imported = List.copyOf(imported);
		alreadyImported = List.copyOf(alreadyImported);
		skipped = List.copyOf(skipped);
	}

}
