package dev.upgrader.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.upgrader.InvalidUpgradeIdException;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.UpgradeId;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StreamUtils;

/**
 * Reads the SQL upgrades under some locations: every {@code id.sql} and
 * {@code id.database.sql} file, sub-folders included, as upgrades of the same graph as
 * the Java ones. A file {@code id.database.sql} replaces {@code id.sql} on that database
 * ({@code h2}, {@code postgresql}, {@code mysql}, or the name of the running dialect);
 * every variant of an id must declare the same dependencies, so that the graph is the
 * same on every database. See {@code SqlHeader} for the header and
 * {@code SqlStatementSplitter} for how statements are split.
 * <p>
 * Every file is checked, the other databases' variants too, and every problem found is
 * reported at once.
 *
 * @since 0.1.0
 */
public final class SqlUpgradeReader {

	/** The databases of the built-in dialects, as {@link DatabaseDialect#name()}. */
	private static final List<String> BUILT_IN_DATABASES = List.of("h2", "postgresql", "mysql");

	private final ResourcePatternResolver resources;

	private final String database;

	private final Set<String> databases;

	/**
	 * Creates a reader for one database.
	 * @param resources resolves the locations, such as the application context
	 * @param database the database the upgrades run on, as {@link DatabaseDialect#name()}
	 */
	public SqlUpgradeReader(ResourcePatternResolver resources, String database) {
		this.resources = resources;
		this.database = database;
		Set<String> databases = new LinkedHashSet<>(BUILT_IN_DATABASES);
		databases.add(database);
		this.databases = databases;
	}

	/**
	 * Reads the upgrades of every location.
	 * @param locations the Spring resource locations of folders, such as
	 * {@code classpath:db/upgrades} (every class path root is searched) or
	 * {@code file:/opt/app/upgrades}; a location without files gives no upgrade
	 * @return the upgrades for this reader's database, ordered by id
	 * @throws UpgradeGraphException naming every file that is not a valid upgrade
	 */
	public List<Upgrade> read(List<String> locations) {
		List<String> problems = new ArrayList<>();
		Map<String, Variants> byId = new TreeMap<>();
		for (String location : locations) {
			for (SqlFile file : files(location, problems)) {
				try {
					SqlFileName name = SqlFileName.parse(file.fileName(), this.databases);
					byId.computeIfAbsent(name.id(), (id) -> new Variants()).add(name.database(), file, problems);
				}
				catch (SqlFileException ex) {
					problems.add(problem(file, ex));
				}
			}
		}
		List<Upgrade> upgrades = new ArrayList<>();
		byId.forEach((id, variants) -> {
			Upgrade upgrade = choose(id, variants, problems);
			if (upgrade != null) {
				upgrades.add(upgrade);
			}
		});
		if (!problems.isEmpty()) {
			throw new UpgradeGraphException(problems);
		}
		return List.copyOf(upgrades);
	}

	/** Parses every variant of an id and returns the one for this database. */
	private @Nullable Upgrade choose(String id, Variants variants, List<String> problems) {
		// The default file under "", which sorts first.
		Map<String, SqlUpgrade> parsed = new TreeMap<>();
		variants.files.forEach((database, file) -> {
			SqlSyntax syntax = SqlSyntax.of((database != null) ? database : this.database);
			try {
				parsed.put(Objects.requireNonNullElse(database, ""), parse(id, file, syntax));
			}
			catch (SqlFileException ex) {
				problems.add(problem(file, ex));
			}
		});
		if (parsed.size() < variants.files.size()) {
			return null;
		}
		Set<List<String>> dependencies = parsed.values()
			.stream()
			.map((upgrade) -> upgrade.dependsOn().stream().sorted().toList())
			.collect(Collectors.toSet());
		if (dependencies.size() > 1) {
			problems.add("SQL files of upgrade " + id + " declare different depends-on: "
					+ parsed.values()
						.stream()
						.map((upgrade) -> upgrade.file() + " " + upgrade.dependsOn())
						.collect(Collectors.joining(", "))
					+ "; every database's variant must depend on the same upgrades");
			return null;
		}
		SqlUpgrade chosen = parsed.containsKey(this.database) ? parsed.get(this.database) : parsed.get("");
		if (chosen == null) {
			problems.add("SQL files of upgrade " + id + " exist only for other databases ("
					+ String.join(", ", parsed.keySet()) + "): add " + id + ".sql, or " + id + "." + this.database
					+ ".sql for " + this.database);
		}
		return chosen;
	}

	private SqlUpgrade parse(String id, SqlFile file, SqlSyntax syntax) {
		String text = file.text().startsWith("\uFEFF") ? file.text().substring(1) : file.text();
		if (text.isBlank()) {
			throw new SqlFileException("the file is empty; write its header and statements");
		}
		SqlHeader header = SqlHeader.parse(text);
		List<SqlStatement> statements = SqlStatementSplitter.split(text, syntax);
		if (statements.isEmpty()) {
			throw new SqlFileException("the file has no SQL statement, only comments; write its statements");
		}
		return new SqlUpgrade(id, file.name(), header, statements, SqlChecksum.of(text));
	}

	/** The SQL files under a location, named after it. */
	private List<SqlFile> files(String location, List<String> problems) {
		String base = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
		String search = base.startsWith("classpath:") ? "classpath*:" + base.substring("classpath:".length()) : base;
		List<SqlFile> files = new ArrayList<>();
		try {
			for (Resource root : this.resources.getResources(search + "/")) {
				if (!root.exists()) {
					continue;
				}
				String url = root.getURL().toString();
				String rootUrl = url.endsWith("/") ? url : url + "/";
				for (Resource resource : this.resources.getResources(rootUrl + "**/*.sql")) {
					String fileUrl = resource.getURL().toString();
					String relative = fileUrl.startsWith(rootUrl) ? fileUrl.substring(rootUrl.length())
							: resource.getFilename();
					files.add(new SqlFile(base + "/" + relative, fileUrl, read(resource)));
				}
			}
		}
		catch (IOException ex) {
			problems.add("SQL upgrade location " + location + " cannot be read: " + ex.getMessage());
		}
		files.sort(Comparator.comparing(SqlFile::name));
		return files;
	}

	private static String read(Resource resource) throws IOException {
		try (var in = resource.getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
	}

	private static String problem(SqlFile file, SqlFileException ex) {
		return "SQL file " + file.name() + ": " + ex.getMessage();
	}

	/**
	 * An SQL file found under a location.
	 *
	 * @param name the location followed by the path below it
	 * @param url where it is, which tells apart files of the same name in different class
	 * path roots
	 * @param text its content
	 */
	private record SqlFile(String name, String url, String text) {

		String fileName() {
			return this.name.substring(this.name.lastIndexOf('/') + 1);
		}

	}

	/** The files of one id: at most one default and one per database. */
	private static final class Variants {

		private final Map<@Nullable String, SqlFile> files = new TreeMap<>(
				Comparator.nullsFirst(Comparator.naturalOrder()));

		void add(@Nullable String database, SqlFile file, List<String> problems) {
			SqlFile existing = this.files.putIfAbsent(database, file);
			if (existing != null) {
				problems.add("SQL file " + file.name() + ": duplicate of " + existing.name() + " (" + existing.url()
						+ " and " + file.url() + "); keep one");
			}
		}

	}

	/**
	 * The parts of an SQL file's name.
	 *
	 * @param id the upgrade id
	 * @param database the database of a variant, or {@code null} for the default file
	 */
	private record SqlFileName(String id, @Nullable String database) {

		static SqlFileName parse(String fileName, Set<String> databases) {
			String[] parts = fileName.substring(0, fileName.length() - ".sql".length()).split("\\.", -1);
			if (parts.length > 2) {
				throw new SqlFileException("the name is neither <id>.sql nor <id>.<database>.sql");
			}
			try {
				UpgradeId.parse(parts[0]);
			}
			catch (InvalidUpgradeIdException ex) {
				throw new SqlFileException(ex.getMessage());
			}
			String database = (parts.length == 2) ? parts[1] : null;
			if (database != null && !databases.contains(database)) {
				throw new SqlFileException(
						"'" + database + "' is not a database Upgrader knows; name the file " + parts[0] + ".sql, or "
								+ parts[0] + ".<database>.sql with one of " + String.join(", ", databases));
			}
			return new SqlFileName(parts[0], database);
		}

	}

}
