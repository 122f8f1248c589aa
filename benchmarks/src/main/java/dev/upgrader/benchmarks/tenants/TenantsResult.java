package dev.upgrader.benchmarks.tenants;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The harness's measurements, as JSON and as a Markdown table with the ratios of issue
 * #13: Flyway's sequential loop and Flyway at the same parallelism, each over Upgrader.
 *
 * @param schemas how many tenant schemas
 * @param upgrades how many upgrades each gets
 * @param runs every contender's run
 * @param startups the whole-application start-ups, or {@code null} when skipped
 */
record TenantsResult(int schemas, int upgrades, List<Run> runs, @Nullable Startups startups) {

	String json() {
		List<String> rows = new ArrayList<>();
		for (Run run : this.runs) {
			rows.add(String.format(Locale.ROOT,
					"{\"benchmark\": \"tenants\", \"tool\": \"%s\", \"schemas\": %d, \"upgrades\": %d,"
							+ " \"parallelism\": %d, \"poolSize\": %d, \"upgradeMs\": %d, \"noopMs\": %s,"
							+ " \"medianNoopMs\": %d, \"flywaySequentialOverThis\": %s,"
							+ " \"flywaySameParallelismOverThis\": %s}",
					run.tool(), this.schemas, this.upgrades, run.parallelism(), run.poolSize(), run.upgradeMs(),
					run.noopMs(), median(run.noopMs()), ratio(flywaySequential(), run),
					ratio(flyway(run.parallelism()), run)));
		}
		if (this.startups != null) {
			rows.add(String.format(Locale.ROOT,
					"{\"benchmark\": \"tenants-startup\", \"schemas\": %d, \"oneSchemaReadyMs\": %s,"
							+ " \"tenantsReadyMs\": %s, \"medianOneSchemaReadyMs\": %d, \"medianTenantsReadyMs\": %d}",
					this.schemas, this.startups.oneSchemaMs(), this.startups.tenantsMs(),
					median(this.startups.oneSchemaMs()), median(this.startups.tenantsMs())));
		}
		return "[\n  " + String.join(",\n  ", rows) + "\n]\n";
	}

	String markdown() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"%,d PostgreSQL schemas × %d upgrades (create a table, insert %d rows, add an index, a second"
						+ " table and its rows), from no schemas. Pool: HikariCP, twice the parallelism, for both.%n%n",
				this.schemas, this.upgrades, TenantUpgradeFiles.ROWS));
		out.append("| Contender | Parallelism | Pool | Upgrade all (s) | Per tenant (ms) |"
				+ " Flyway sequential ÷ this | Flyway same parallelism ÷ this | No-op, all up to date (ms) |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Run run : this.runs) {
			out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %s | %s | %s |%n", run.tool(),
					run.parallelism(), run.poolSize(), run.upgradeMs() / 1000.0,
					(double) run.upgradeMs() / this.schemas, ratio(flywaySequential(), run),
					ratio(flyway(run.parallelism()), run), noop(run.noopMs())));
		}
		if (this.startups != null) {
			long one = median(this.startups.oneSchemaMs());
			long tenants = median(this.startups.tenantsMs());
			out.append(String.format(Locale.ROOT,
					"%nWhole-application start-up (fresh JVM, to ApplicationReadyEvent), nothing pending, median of %d:%n%n",
					this.startups.oneSchemaMs().size()));
			out.append("| Application | Ready (ms) | Starts (ms) |\n|---|---:|---|\n");
			out.append(String.format(Locale.ROOT, "| one schema, no tenants | %d | %s |%n", one,
					this.startups.oneSchemaMs()));
			out.append(String.format(Locale.ROOT,
					"| `upgrader.tenants.schemas` = %,d schemas, parallelism 4 | %d | %s |%n", this.schemas, tenants,
					this.startups.tenantsMs()));
			out.append(String.format(Locale.ROOT, "| added by the tenants | %d | |%n", tenants - one));
		}
		return out.toString();
	}

	private @Nullable Run flywaySequential() {
		return flyway(1);
	}

	private @Nullable Run flyway(int parallelism) {
		return this.runs.stream()
			.filter((run) -> run.tool().startsWith("Flyway") && run.parallelism() == parallelism)
			.findFirst()
			.orElse(null);
	}

	private static String ratio(@Nullable Run reference, Run run) {
		return (reference != null && run.upgradeMs() > 0)
				? String.format(Locale.ROOT, "%.2f", (double) reference.upgradeMs() / run.upgradeMs()) : "null";
	}

	private static String noop(List<Long> noopMs) {
		return noopMs.isEmpty() ? "–" : median(noopMs) + ((noopMs.size() > 1) ? " (median of " + noopMs + ")" : "");
	}

	private static long median(List<Long> values) {
		if (values.isEmpty()) {
			return -1;
		}
		long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * One contender's run.
	 *
	 * @param tool the contender
	 * @param parallelism how many schemas at once
	 * @param poolSize the connection pool's size
	 * @param upgradeMs the wall time of upgrading every schema
	 * @param noopMs the wall time of each run over the up-to-date schemas
	 */
	record Run(String tool, int parallelism, int poolSize, long upgradeMs, List<Long> noopMs) {

	}

	/**
	 * The whole-application start-ups.
	 *
	 * @param oneSchemaMs each start without tenants
	 * @param tenantsMs each start with the tenants
	 */
	record Startups(List<Long> oneSchemaMs, List<Long> tenantsMs) {

	}

}
