package dev.upgrader.benchmarks.tenants;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;

import dev.upgrader.benchmarks.HarnessOptions;

/**
 * Upgrades N PostgreSQL schemas with five upgrades each (issue #13), once per contender
 * in one run: Upgrader's tenant runner at each parallelism, and Flyway 13 as its users
 * drive it, sequentially and with the same parallelism in a thread pool. Every contender
 * starts from no schemas at all (the harness drops them between contenders) on a HikariCP
 * pool of twice its parallelism (Upgrader holds a tenant's lock on one connection while
 * it upgrades on another; Flyway gets the same pool), opened before the clock starts.
 * After each contender's run the same tool runs again over the up-to-date schemas: the
 * no-op cost, with a fresh runner (Upgrader) or fresh {@code Flyway} objects each time,
 * as at an application's start. Both tools first upgrade a few schemas unmeasured, so
 * that neither pays alone for class loading and the JIT.
 * <p>
 * Then whole-application start-ups in fresh JVMs, nothing pending: with
 * {@code upgrader.tenants.schemas} naming the N schemas, and without tenants on one
 * schema holding the same upgrades.
 * <p>
 * Arguments: {@code --schemas 1000}, {@code --parallelism 1,4,8},
 * {@code --tools flyway,upgrader} (the order of each parallelism's runs; the start-ups
 * need Upgrader last), {@code --noop-runs 3}, {@code --startup-runs 3} (0 skips the
 * start-ups), {@code --warm-schemas 10} (upgraded by each tool before the measured runs),
 * {@code --work DIR}, {@code --json FILE}, {@code --markdown FILE}; {@code --quick} is a
 * smoke run (10 schemas, one no-op run, one warm-up schema, no start-ups). The database
 * is the one of {@code UPGRADER_TEST_POSTGRES_URL} with {@code _bench} appended.
 */
public final class TenantsBenchmark {

	static final String PREFIX = "tenant_";

	private static final String WARM_PREFIX = "warm_tenant_";

	private static final String SINGLE_SCHEMA = "single_tenant_app";

	private static final String UPGRADER_HISTORY = "SELECT count(*) FROM {schema}.upgrader_log";

	private static final String FLYWAY_HISTORY = "SELECT count(*) FROM {schema}.flyway_schema_history"
			+ " WHERE success AND version IS NOT NULL";

	private TenantsBenchmark() {
	}

	/**
	 * Runs the harness.
	 * @param args see the class description
	 * @throws Exception when a contender fails or did not upgrade every schema
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = HarnessOptions.parse(args);
		boolean quick = options.containsKey("quick");
		int count = Integer.parseInt(options.getOrDefault("schemas", quick ? "10" : "1000"));
		List<Integer> parallelisms = Arrays.stream(options.getOrDefault("parallelism", "1,4,8").split(","))
			.map(Integer::parseInt)
			.toList();
		List<Tool> tools = Arrays.stream(options.getOrDefault("tools", "flyway,upgrader").split(","))
			.map((tool) -> Tool.valueOf(tool.toUpperCase(Locale.ROOT)))
			.toList();
		int noopRuns = Integer.parseInt(options.getOrDefault("noop-runs", quick ? "1" : "3"));
		int startupRuns = Integer.parseInt(options.getOrDefault("startup-runs", quick ? "0" : "3"));
		int warmSchemas = Integer.parseInt(options.getOrDefault("warm-schemas", quick ? "1" : "10"));
		Path work = Path.of(options.getOrDefault("work", "benchmarks/target/tenants"));
		BenchDatabase database = BenchDatabase.open();
		TenantUpgradeFiles files = TenantUpgradeFiles.write(work.resolve("upgrades"));
		List<String> schemas = names(PREFIX, count);
		warmUp(database, files, warmSchemas);
		List<TenantsResult.Run> runs = new ArrayList<>();
		// In turn, Flyway then Upgrader at each parallelism, so that a change of load
		// hits both alike.
		for (int parallelism : parallelisms) {
			for (Tool tool : tools) {
				runs.add(measure(database, files, schemas, tool, parallelism, noopRuns));
			}
		}
		TenantsResult.Startups startups = (startupRuns > 0 && tools.get(tools.size() - 1) == Tool.UPGRADER)
				? startups(database, files, schemas, startupRuns) : null;
		database.dropSchemas(PREFIX);
		database.dropSchemas(SINGLE_SCHEMA);
		TenantsResult result = new TenantsResult(count, TenantUpgradeFiles.count(), runs, startups);
		System.out.println(result.markdown());
		if (options.containsKey("json")) {
			Files.writeString(Path.of(options.get("json")), result.json());
		}
		if (options.containsKey("markdown")) {
			Files.writeString(Path.of(options.get("markdown")), result.markdown());
		}
	}

	private static List<String> names(String prefix, int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> String.format("%s%04d", prefix, i)).toList();
	}

	private static void warmUp(BenchDatabase database, TenantUpgradeFiles files, int count) throws Exception {
		List<String> schemas = names(WARM_PREFIX, count);
		for (Tool tool : Tool.values()) {
			database.dropSchemas(WARM_PREFIX);
			try (HikariDataSource pool = database.pool(2)) {
				tool.run(pool, schemas, files, 1);
			}
		}
		database.dropSchemas(WARM_PREFIX);
	}

	private static TenantsResult.Run measure(BenchDatabase database, TenantUpgradeFiles files, List<String> schemas,
			Tool tool, int parallelism, int noopRuns) throws Exception {
		database.dropSchemas(PREFIX);
		int poolSize = 2 * parallelism;
		try (HikariDataSource pool = database.pool(poolSize)) {
			long start = System.nanoTime();
			tool.run(pool, schemas, files, parallelism);
			long upgradeMs = (System.nanoTime() - start) / 1_000_000;
			database.expectUpgraded(schemas, tool.history(), TenantUpgradeFiles.count());
			List<Long> noopMs = new ArrayList<>();
			for (int i = 0; i < noopRuns; i++) {
				long noopStart = System.nanoTime();
				tool.run(pool, schemas, files, parallelism);
				noopMs.add((System.nanoTime() - noopStart) / 1_000_000);
			}
			database.expectUpgraded(schemas, tool.history(), TenantUpgradeFiles.count());
			System.err.println(tool + " parallelism " + parallelism + ": " + upgradeMs + " ms, no-op " + noopMs);
			return new TenantsResult.Run(tool.label(), parallelism, poolSize, upgradeMs, noopMs);
		}
	}

	/**
	 * Start-ups with nothing pending, in turn: the N tenants (left up to date by the last
	 * Upgrader run), and one schema with the same upgrades applied by a first start.
	 */
	private static TenantsResult.Startups startups(BenchDatabase database, TenantUpgradeFiles files,
			List<String> schemas, int runs) throws Exception {
		AppStarts app = new AppStarts(database, files.upgraderLocation());
		database.dropSchemas(SINGLE_SCHEMA);
		try (var connection = database.connect(); var statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + SINGLE_SCHEMA);
		}
		String single = database.url() + (database.url().contains("?") ? "&" : "?") + "currentSchema=" + SINGLE_SCHEMA;
		List<String> tenants = List.of("--upgrader.tenants.schemas=" + String.join(",", schemas),
				"--upgrader.tenants.parallelism=4");
		app.start(single, List.of());
		database.expectUpgraded(List.of(SINGLE_SCHEMA), UPGRADER_HISTORY, TenantUpgradeFiles.count());
		List<Long> singleMs = new ArrayList<>();
		List<Long> tenantsMs = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			singleMs.add(app.start(single, List.of()));
			tenantsMs.add(app.start(database.url(), tenants));
		}
		database.expectUpgraded(schemas, UPGRADER_HISTORY, TenantUpgradeFiles.count());
		System.err.println("start-ups: one schema " + singleMs + " ms, " + schemas.size() + " tenants " + tenantsMs);
		return new TenantsResult.Startups(singleMs, tenantsMs);
	}

	/** The contenders. */
	enum Tool {

		FLYWAY("Flyway 13.12.1, loop of migrate()", FLYWAY_HISTORY),

		UPGRADER("Upgrader, TenantRunner", UPGRADER_HISTORY);

		private final String label;

		private final String history;

		Tool(String label, String history) {
			this.label = label;
			this.history = history;
		}

		String label() {
			return this.label;
		}

		String history() {
			return this.history;
		}

		void run(HikariDataSource pool, List<String> schemas, TenantUpgradeFiles files, int parallelism)
				throws Exception {
			if (this == FLYWAY) {
				TenantContenders.flyway(pool, schemas, files.flywayLocation(), parallelism);
			}
			else {
				TenantContenders.upgrader(pool, schemas, files.upgraderLocation(), parallelism);
			}
		}

	}

}
