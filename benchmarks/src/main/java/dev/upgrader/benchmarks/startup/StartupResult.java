package dev.upgrader.benchmarks.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The starts of every contender for one database and size, summarised as medians, the
 * time each tool adds over the application without one, and its ratio to Flyway's.
 *
 * @param database h2 or postgresql
 * @param size N, the applied upgrades
 * @param starts the measured starts of each contender
 */
record StartupResult(String database, int size, Map<Contender, List<StartupBenchmark.Start>> starts) {

	long medianReady(Contender contender) {
		return median(contender, StartupBenchmark.Start::readyMs);
	}

	long medianCpu(Contender contender) {
		return median(contender, StartupBenchmark.Start::cpuMs);
	}

	long addedReady(Contender contender) {
		return medianReady(contender) - medianReady(Contender.NONE);
	}

	long addedCpu(Contender contender) {
		return medianCpu(contender) - medianCpu(Contender.NONE);
	}

	private long median(Contender contender, ToLongFunction<StartupBenchmark.Start> value) {
		long[] values = this.starts.get(contender).stream().mapToLong(value).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	/**
	 * Added time over Flyway's added time, or null when Flyway added nothing measurable.
	 */
	private String ratio(Contender contender, Contender flyway) {
		return ratio(addedReady(contender), addedReady(flyway));
	}

	/** The same for CPU time, which other processes on a loaded machine disturb less. */
	private String cpuRatio(Contender contender, Contender flyway) {
		return ratio(addedCpu(contender), addedCpu(flyway));
	}

	private static String ratio(long added, long flywayAdded) {
		return (flywayAdded > 0) ? String.format(Locale.ROOT, "%.2f", (double) added / flywayAdded) : "null";
	}

	static String json(List<StartupResult> results, int runs) {
		List<String> rows = new ArrayList<>();
		for (StartupResult result : results) {
			for (Contender contender : Contender.values()) {
				rows.add(String.format(Locale.ROOT,
						"{\"database\": \"%s\", \"n\": %d, \"contender\": \"%s\", \"letter\": \"%s\", \"runs\": %d,"
								+ " \"readyMs\": %s, \"cpuMs\": %s, \"medianReadyMs\": %d, \"medianCpuMs\": %d,"
								+ " \"addedReadyMs\": %d, \"addedCpuMs\": %d, \"addedToFlywaySql\": %s,"
								+ " \"addedToFlywayJava\": %s, \"addedCpuToFlywaySql\": %s, \"addedCpuToFlywayJava\": %s}",
						result.database, result.size, contender.name(), contender.letter(), runs,
						result.starts.get(contender).stream().map((start) -> start.readyMs()).toList(),
						result.starts.get(contender).stream().map((start) -> start.cpuMs()).toList(),
						result.medianReady(contender), result.medianCpu(contender), result.addedReady(contender),
						result.addedCpu(contender), result.ratio(contender, Contender.FLYWAY_SQL),
						result.ratio(contender, Contender.FLYWAY_JAVA),
						result.cpuRatio(contender, Contender.FLYWAY_SQL),
						result.cpuRatio(contender, Contender.FLYWAY_JAVA)));
			}
		}
		return "[\n  " + String.join(",\n  ", rows) + "\n]\n";
	}

	static String markdown(List<StartupResult> results, int runs) {
		StringBuilder table = new StringBuilder();
		table.append(
				"| Database | N | Contender | Ready, median (ms) | CPU, median (ms) | Added over (a): ready / CPU (ms)"
						+ " | Added ready ÷ Flyway SQL / Java | Added CPU ÷ Flyway SQL / Java |\n");
		table.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
		for (StartupResult result : results) {
			for (Contender contender : Contender.values()) {
				boolean baseline = contender == Contender.NONE;
				table.append(String.format(Locale.ROOT, "| %s | %,d | (%s) %s | %,d | %,d | %s | %s | %s |\n",
						result.database, result.size, contender.letter(), contender.description(),
						result.medianReady(contender), result.medianCpu(contender),
						baseline ? "–"
								: String.format(Locale.ROOT, "%,d / %,d", result.addedReady(contender),
										result.addedCpu(contender)),
						baseline ? "–"
								: result.ratio(contender, Contender.FLYWAY_SQL) + " / "
										+ result.ratio(contender, Contender.FLYWAY_JAVA),
						baseline ? "–" : result.cpuRatio(contender, Contender.FLYWAY_SQL) + " / "
								+ result.cpuRatio(contender, Contender.FLYWAY_JAVA)));
			}
		}
		table.append("\nMedians of ")
			.append(runs)
			.append(" starts per contender, in turn; ready = JVM uptime at")
			.append(" ApplicationReadyEvent, CPU = process CPU time then.\n");
		return table.toString();
	}

}
