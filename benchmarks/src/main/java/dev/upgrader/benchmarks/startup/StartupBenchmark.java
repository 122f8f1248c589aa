package dev.upgrader.benchmarks.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.upgrader.benchmarks.HarnessOptions;
import dev.upgrader.benchmarks.startup.app.StartupApplication;
import org.springframework.util.FileSystemUtils;

/**
 * Starts {@link StartupApplication} in fresh JVMs, to {@code ApplicationReadyEvent}, with
 * nothing pending and N upgrades already applied, once per contender in turn, and reports
 * each contender's median start-up and what it adds over the application with no
 * migration tool, with ratios to Flyway (issue #14). A cold JVM is what users feel: class
 * loading, scanning and the first connections are all in. The generated upgrades are in a
 * jar, as in a packaged application; only (g) gets the jar with Upgrader's build-time
 * index.
 * <p>
 * Each contender has a database of its own, filled by one start that applies the N
 * upgrades (checked by counting the rows of its table) before the measured starts: on H2
 * a file database (an in-memory one would not outlive the JVM that applied it), on
 * PostgreSQL a schema of the database named by {@code UPGRADER_TEST_POSTGRES_URL},
 * dropped afterwards.
 * <p>
 * Arguments: {@code --sizes 100,1000}, {@code --databases h2,postgresql},
 * {@code --runs 5} (measured starts per contender), {@code --work DIR},
 * {@code --json FILE}, {@code --markdown FILE}; {@code --quick} is a smoke run (N = 10,
 * H2, one start each).
 */
public final class StartupBenchmark {

	private static final Pattern READY = Pattern.compile(StartupApplication.READY + " ready-ms=(\\d+) cpu-ms=(-?\\d+)");

	private final Path work;

	private final int runs;

	private StartupBenchmark(Path work, int runs) {
		this.work = work;
		this.runs = runs;
	}

	/**
	 * Runs the harness.
	 * @param args see the class description
	 * @throws Exception when a start fails or a contender did not apply its upgrades
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = HarnessOptions.parse(args);
		boolean quick = options.containsKey("quick");
		List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", quick ? "10" : "100,1000").split(","))
			.map(Integer::parseInt)
			.toList();
		List<String> databases = List.of(options.getOrDefault("databases", quick ? "h2" : "h2,postgresql").split(","));
		int runs = Integer.parseInt(options.getOrDefault("runs", quick ? "1" : "5"));
		Path work = Path.of(options.getOrDefault("work", "benchmarks/target/startup"));
		StartupBenchmark benchmark = new StartupBenchmark(work, runs);
		List<StartupResult> results = new ArrayList<>();
		for (String database : databases) {
			for (int size : sizes) {
				results.add(benchmark.measure(database, size));
			}
		}
		String json = StartupResult.json(results, runs);
		String markdown = StartupResult.markdown(results, runs);
		System.out.println(markdown);
		if (options.containsKey("json")) {
			Files.writeString(Path.of(options.get("json")), json);
		}
		if (options.containsKey("markdown")) {
			Files.writeString(Path.of(options.get("markdown")), markdown);
		}
	}

	private StartupResult measure(String database, int size) throws Exception {
		try {
			return measureIn(database, size);
		}
		finally {
			for (Contender contender : Contender.values()) {
				dropDatabase(database, contender, size);
			}
		}
	}

	private StartupResult measureIn(String database, int size) throws Exception {
		GeneratedMigrations.Jars jars = GeneratedMigrations.generate(this.work.resolve("generated"), size);
		Map<Contender, String> urls = new EnumMap<>(Contender.class);
		for (Contender contender : Contender.values()) {
			String url = freshDatabase(database, contender, size);
			urls.put(contender, url);
			if (contender.table() != null) {
				// The filling start, not measured: it applies the N upgrades.
				start(jars, url, contender);
				expectRows(url, contender, size);
			}
		}
		Map<Contender, List<Start>> starts = new EnumMap<>(Contender.class);
		// In turn, so that a change of load hits every contender alike.
		for (int run = 0; run < this.runs; run++) {
			for (Contender contender : Contender.values()) {
				starts.computeIfAbsent(contender, (key) -> new ArrayList<>())
					.add(start(jars, urls.get(contender), contender));
			}
		}
		for (Contender contender : Contender.values()) {
			// Nothing was pending: the measured starts applied nothing more.
			expectRows(urls.get(contender), contender, size);
		}
		return new StartupResult(database, size, starts);
	}

	private static String databaseName(Contender contender, int size) {
		return "bench_" + contender.name().toLowerCase(Locale.ROOT) + "_n" + size;
	}

	/**
	 * Drops a contender's PostgreSQL schema: the database is shared with the tests, whose
	 * look-ups by table name must not find the tools' tables in it.
	 */
	private static void dropDatabase(String database, Contender contender, int size) throws SQLException {
		if (database.equals("postgresql")) {
			try (Connection connection = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + databaseName(contender, size) + " CASCADE");
			}
		}
	}

	private String freshDatabase(String database, Contender contender, int size) throws SQLException, IOException {
		String name = databaseName(contender, size);
		if (database.equals("h2")) {
			Path directory = this.work.resolve("h2").toAbsolutePath();
			Files.createDirectories(directory);
			FileSystemUtils.deleteRecursively(directory.resolve(name + ".mv.db"));
			return "jdbc:h2:file:" + directory.resolve(name);
		}
		if (database.equals("postgresql")) {
			String url = postgresUrl();
			try (Connection connection = DriverManager.getConnection(url, postgresUser(), postgresPassword());
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
				statement.execute("CREATE SCHEMA " + name);
			}
			return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
		}
		throw new IllegalArgumentException("Unknown database " + database + " (h2 or postgresql)");
	}

	private static String postgresUrl() {
		return env("UPGRADER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	}

	private static String postgresUser() {
		return env("UPGRADER_TEST_POSTGRES_USER", "postgres");
	}

	private static String postgresPassword() {
		return env("UPGRADER_TEST_POSTGRES_PASSWORD", "");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private void expectRows(String url, Contender contender, int size) throws SQLException {
		if (contender.table() == null) {
			return;
		}
		boolean postgres = url.startsWith("jdbc:postgresql");
		try (Connection connection = DriverManager.getConnection(url, postgres ? postgresUser() : "sa",
				postgres ? postgresPassword() : "")) {
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(contender.countQuery())) {
				rows.next();
				int count = rows.getInt(1);
				if (count != size) {
					throw new IllegalStateException(
							contender + " has " + count + " upgrades in " + contender.table() + ", expected " + size);
				}
			}
		}
	}

	private Start start(GeneratedMigrations.Jars jars, String url, Contender contender)
			throws IOException, InterruptedException {
		Path generated = contender.indexed() ? jars.indexed() : jars.plain();
		boolean postgres = url.startsWith("jdbc:postgresql");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path") + File.pathSeparator + generated.toAbsolutePath(),
						StartupApplication.class.getName(), "--spring.main.banner-mode=off",
						"--spring.main.web-application-type=none", "--spring.datasource.url=" + url,
						"--spring.datasource.username=" + (postgres ? postgresUser() : "sa"),
						"--spring.datasource.password=" + (postgres ? postgresPassword() : "")));
		command.addAll(contender.arguments());
		long startedAt = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> output = new ArrayList<>();
		Start start = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				output.add(line);
				Matcher ready = READY.matcher(line);
				if (ready.find()) {
					start = new Start(Long.parseLong(ready.group(1)), Long.parseLong(ready.group(2)));
				}
			}
		}
		int status = process.waitFor();
		long wallMs = (System.nanoTime() - startedAt) / 1_000_000;
		if (status != 0 || start == null) {
			throw new IllegalStateException(contender + " failed to start (exit " + status + ", " + wallMs + " ms):\n"
					+ String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size())));
		}
		return start;
	}

	/**
	 * One start.
	 *
	 * @param readyMs the JVM's uptime at the ready event
	 * @param cpuMs the process's CPU time then
	 */
	record Start(long readyMs, long cpuMs) {

	}

}
