package dev.upgrader.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderInfo;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/**
 * The generators: {@code upgrader create recipe} writes a new upgrade depending on its
 * repository's current leaves, {@code upgrader create release} a release upgrade
 * depending on the leaves of every repository.
 *
 * @since 0.1.0
 */
public class UpgraderCreateCommands {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy_MM_dd");

	private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

	private final Upgrader upgrader;

	private final Clock clock;

	private final RecipeWriter writer = new RecipeWriter();

	UpgraderCreateCommands(Upgrader upgrader, Clock clock) {
		this.upgrader = upgrader;
		this.clock = clock;
	}

	/**
	 * Writes {@code repository_yyyy_mm_dd_name.java}, or with {@code --sql}
	 * {@code repository_yyyy_mm_dd_name.sql}.
	 * @param packageName the package of the new class
	 * @param repository the repository; defaults to the package's last segment
	 * @param name the name part of the id
	 * @param dependsOn comma-separated ids; defaults to the repository's current leaves
	 * @param output the directory that receives the file
	 * @param overwrite whether an existing file may be replaced
	 * @param sql whether to write an SQL upgrade file instead of a class
	 * @return what was written
	 */
	@Command(name = { "upgrader", "create", "recipe" }, group = UpgraderCommands.GROUP,
			description = "Write a new upgrade class, or with --sql an SQL upgrade file, depending on its repository's current leaves")
	public String createRecipe(@Option(longName = "package",
			description = "package of the new class (with --sql: only to name the repository)") @Nullable String packageName,
			@Option(longName = "repository",
					description = "repository (default: the package's last segment)") @Nullable String repository,
			@Option(longName = "name", defaultValue = "rename_me", description = "name part of the id") String name,
			@Option(longName = "depends-on",
					description = "comma-separated ids (default: the repository's current leaves)") @Nullable String dependsOn,
			@Option(longName = "output",
					description = "directory of the file (default: src/main/java/<package path>, with --sql src/main/resources/db/upgrades)") @Nullable String output,
			@Option(longName = "overwrite", description = "replace an existing file") boolean overwrite,
			@Option(longName = "sql",
					description = "write an SQL upgrade file <id>.sql instead of a class") boolean sql) {
		if (packageName == null && (!sql || repository == null)) {
			throw new UpgraderCommandException(sql ? "Give --repository (or --package) for the new SQL upgrade."
					: "Required option '--package' is missing.");
		}
		String repo = (repository != null) ? repository : packageName.substring(packageName.lastIndexOf('.') + 1);
		String id = repo + "_" + DATE.format(LocalDate.now(this.clock)) + "_" + name;
		UpgraderInfo info = newId(id, "--name");
		List<String> ids = (dependsOn != null) ? ids(dependsOn)
				: info.leavesByRepository().getOrDefault(repo, List.of());
		String note = (dependsOn != null) ? "Given with --depends-on."
				: "The current leaves of repository '" + repo + "'.";
		if (sql) {
			Path directory = (output != null) ? Path.of(output) : Path.of("src", "main", "resources", "db", "upgrades");
			return "Created new SQL upgrade "
					+ this.writer.write(new SqlUpgradeSource(id, info(id), ids, note), repo, directory, overwrite);
		}
		UpgradeSource source = new UpgradeSource(packageName, id, info(id), ids, note);
		return "Created new upgrade " + this.writer.write(source, repo, directory(output, packageName), overwrite);
	}

	/**
	 * Writes {@code repository_release_x_y_z.java}.
	 * @param packageName the package of the new class
	 * @param repository the repository of the release
	 * @param version the release version, {@code x.y.z}
	 * @param output the directory that receives the file
	 * @param overwrite whether an existing file may be replaced
	 * @return what was written
	 */
	@Command(name = { "upgrader", "create", "release" }, group = UpgraderCommands.GROUP,
			description = "Write a release upgrade depending on the current leaves of every repository")
	public String createRelease(
			@Option(longName = "package", required = true, description = "package of the new class") String packageName,
			@Option(longName = "repository", required = true,
					description = "repository of the release") String repository,
			@Option(longName = "version", required = true, description = "release version, x.y.z") String version,
			@Option(longName = "output",
					description = "directory of the file (default: src/main/java/<package path>)") @Nullable String output,
			@Option(longName = "overwrite", description = "replace an existing file") boolean overwrite) {
		if (!VERSION.matcher(version).matches()) {
			throw new UpgraderCommandException("Version '" + version + "' is not of the form x.y.z, e.g. 1.2.0.");
		}
		String id = repository + "_release_" + version.replace('.', '_');
		Map<String, List<String>> leaves = newId(id, "--version").leavesByRepository();
		if (leaves.isEmpty()) {
			throw new UpgraderCommandException("No upgrades found: a release depends on existing upgrades.");
		}
		List<String> dependsOn = leaves.values().stream().flatMap(List::stream).toList();
		UpgradeSource source = new UpgradeSource(packageName, id, "Release " + version + " of " + repository, dependsOn,
				"The current leaves of every repository: " + String.join(", ", leaves.keySet()) + ".");
		return "Created new release upgrade "
				+ this.writer.write(source, repository, directory(output, packageName), overwrite);
	}

	/**
	 * The upgrades of the code, which must not know the id yet: a second class would be a
	 * duplicate.
	 */
	private UpgraderInfo newId(String id, String option) {
		UpgraderInfo info = this.upgrader.info();
		if (info.node(id).isPresent()) {
			throw new UpgraderCommandException(
					"Upgrade " + id + " already exists in the code. Choose another " + option + ".");
		}
		return info;
	}

	private static String info(String id) {
		return "TODO describe " + id + " in one line";
	}

	private static List<String> ids(String dependsOn) {
		return Arrays.stream(dependsOn.split(",")).map(String::strip).filter((id) -> !id.isEmpty()).toList();
	}

	private static Path directory(@Nullable String output, String packageName) {
		return (output != null) ? Path.of(output)
				: Path.of("src", "main", "java").resolve(packageName.replace('.', '/'));
	}

}
