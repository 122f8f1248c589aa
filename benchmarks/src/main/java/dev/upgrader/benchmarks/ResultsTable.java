package dev.upgrader.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;

/**
 * Writes the Markdown tables of one {@code run.sh} run from its JSON files: JMH's
 * planning, no-op and bookkeeping results, the planning scaling and the start-up
 * harness's and the many-tenants harness's, under a header with the run's machine,
 * versions and load averages ({@code run.txt}). Files a quick run did not write are
 * skipped.
 */
public final class ResultsTable {

	private static final JsonParser JSON = JsonParserFactory.getJsonParser();

	private ResultsTable() {
	}

	/**
	 * Writes {@code results.md} into the results directory.
	 * @param args the results directory
	 * @throws IOException when a file cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		StringBuilder out = new StringBuilder();
		Path run = directory.resolve("run.txt");
		if (Files.exists(run)) {
			out.append("```\n").append(Files.readString(run).strip()).append("\n```\n\n");
		}
		planning(directory.resolve("planning.json"), out);
		scaling(directory.resolve("planning-scaling.json"), out);
		jmh("No-op start-up, engine call only (warm JVM)", directory.resolve("noop-startup.json"), out);
		bookkeeping(directory, out);
		Path startup = directory.resolve("startup.md");
		if (Files.exists(startup)) {
			out.append("### Whole-application start-up, nothing pending\n\n")
				.append(Files.readString(startup))
				.append('\n');
		}
		Path tenants = directory.resolve("tenants.md");
		if (Files.exists(tenants)) {
			out.append("### Many tenants\n\n").append(Files.readString(tenants)).append('\n');
		}
		Files.writeString(directory.resolve("results.md"), out.toString());
		System.out.print(out);
	}

	private static List<Map<String, Object>> read(Path file) throws IOException {
		List<Map<String, Object>> rows = new ArrayList<>();
		if (Files.exists(file)) {
			for (Object row : JSON.parseList(Files.readString(file))) {
				// The basic parser returns every object after the first of a long list
				// as its unparsed text.
				rows.add((row instanceof String text) ? JSON.parseMap(text) : map(row));
			}
		}
		return rows;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	/** A JSON number; JMH writes a single iteration's error as the string "NaN". */
	private static double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : Double.parseDouble(value.toString());
	}

	private static void planning(Path file, StringBuilder out) throws IOException {
		List<Map<String, Object>> rows = read(file);
		if (rows.isEmpty()) {
			return;
		}
		out.append(
				"### Planning (JMH, wall time)\n\n| Upgrades | Applied | Order | ms/op | Allocated per op |\n|---:|---:|---|---:|---:|\n");
		for (Map<String, Object> row : rows) {
			Map<String, Object> params = map(row.get("params"));
			Map<String, Object> primary = map(row.get("primaryMetric"));
			Map<String, Object> secondary = map(row.get("secondaryMetrics"));
			Object allocated = secondary.containsKey("gc.alloc.rate.norm") ? String.format(Locale.ROOT, "%.2f MB",
					number(map(secondary.get("gc.alloc.rate.norm")).get("score")) / 1e6) : "–";
			out.append(String.format(Locale.ROOT, "| %s | %s%% | %s | %.3f ± %.3f | %s |\n", params.get("upgrades"),
					params.get("appliedPercent"), params.getOrDefault("order", "interleaved"),
					number(primary.get("score")), number(primary.get("scoreError")), allocated));
		}
		out.append('\n');
	}

	private static void scaling(Path file, StringBuilder out) throws IOException {
		// One object a line, as PlanningScaling writes them: the basic parser splits a
		// list of several such objects wrongly.
		List<Map<String, Object>> rows = new ArrayList<>();
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file)) {
				String object = line.strip();
				if (object.startsWith("{")) {
					rows.add(JSON.parseMap(object.endsWith(",") ? object.substring(0, object.length() - 1) : object));
				}
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		out.append("### Planning scaling (best thread CPU time, 0% applied)\n\n")
			.append("| Upgrades | Order | Rounds | Best CPU (ms) | Per upgrade (ns) | Per upgrade ÷ at 10,000 |")
			.append(" Retained by graph and plan (MB) | Retained with the upgrades (MB) |\n")
			.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
		for (Map<String, Object> row : rows) {
			Object order = row.getOrDefault("order", "interleaved");
			double reference = rows.stream()
				.filter((other) -> number(other.get("upgrades")) == 10_000
						&& other.getOrDefault("order", "interleaved").equals(order))
				.mapToDouble((other) -> number(other.get("bestCpuNsPerUpgrade")))
				.findFirst()
				.orElse(Double.NaN);
			out.append(String.format(Locale.ROOT, "| %,d | %s | %d | %.2f | %.0f | %.2f | %.2f | %.2f |\n",
					(long) number(row.get("upgrades")), order, (long) number(row.get("rounds")),
					number(row.get("bestCpuMs")), number(row.get("bestCpuNsPerUpgrade")),
					number(row.get("bestCpuNsPerUpgrade")) / reference, number(row.get("retainedByPlanningMB")),
					number(row.get("retainedWithUpgradesMB"))));
		}
		out.append('\n');
	}

	/**
	 * One row per database, log size and run size, the three contenders side by side:
	 * their score, per upgrade, and ours as a share of theirs.
	 */
	private static void bookkeeping(Path directory, StringBuilder out) throws IOException {
		Map<String, Map<String, Object>> upgrader = byParameters(read(directory.resolve("bookkeeping-upgrader.json")));
		Map<String, Map<String, Object>> flyway = byParameters(read(directory.resolve("bookkeeping-flyway.json")));
		Map<String, Map<String, Object>> liquibase = byParameters(
				read(directory.resolve("bookkeeping-liquibase.json")));
		if (upgrader.isEmpty()) {
			return;
		}
		out.append("### Bookkeeping: a run that applies N no-op upgrades (single shot, ms/op)\n\n")
			.append("| Database | Log rows | N | Upgrader | Flyway 13 | Liquibase 4.33 |")
			.append(" Per upgrade: ours / Flyway / Liquibase (ms) | Ours ÷ Flyway | Ours ÷ Liquibase |\n")
			.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Map.Entry<String, Map<String, Object>> entry : upgrader.entrySet()) {
			Map<String, Object> params = map(entry.getValue().get("params"));
			double pending = number(params.get("pending"));
			double ours = score(entry.getValue());
			double theirs = score(flyway.get(entry.getKey()));
			double liquibases = score(liquibase.get(entry.getKey()));
			out.append(
					String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %.2f / %.2f / %.2f | %.3f | %.3f |\n",
							params.getOrDefault("database", "postgresql"), (long) number(params.get("logRows")),
							(long) pending, scoreText(entry.getValue()), scoreText(flyway.get(entry.getKey())),
							scoreText(liquibase.get(entry.getKey())), ours / pending, theirs / pending,
							liquibases / pending, ours / theirs, ours / liquibases));
		}
		out.append('\n');
	}

	private static Map<String, Map<String, Object>> byParameters(List<Map<String, Object>> rows) {
		Map<String, Map<String, Object>> keyed = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			Map<String, Object> params = map(row.get("params"));
			keyed.put(params.getOrDefault("database", "postgresql") + "/" + params.get("logRows") + "/"
					+ params.get("pending"), row);
		}
		return keyed;
	}

	private static double score(Map<String, Object> row) {
		return (row != null) ? number(map(row.get("primaryMetric")).get("score")) : Double.NaN;
	}

	private static String scoreText(Map<String, Object> row) {
		if (row == null) {
			return "–";
		}
		Map<String, Object> primary = map(row.get("primaryMetric"));
		return String.format(Locale.ROOT, "%,.1f ± %,.1f", number(primary.get("score")),
				number(primary.get("scoreError")));
	}

	private static void jmh(String title, Path file, StringBuilder out) throws IOException {
		List<Map<String, Object>> rows = read(file);
		if (rows.isEmpty()) {
			return;
		}
		out.append("### ").append(title).append("\n\n| Benchmark | Parameters | Score | Unit |\n|---|---|---:|---|\n");
		for (Map<String, Object> row : rows) {
			Map<String, Object> primary = map(row.get("primaryMetric"));
			String benchmark = (String) row.get("benchmark");
			out.append(String.format(Locale.ROOT, "| %s | %s | %.3f ± %.3f | %s |\n",
					benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
					row.containsKey("params") ? map(row.get("params")) : "", number(primary.get("score")),
					number(primary.get("scoreError")), primary.get("scoreUnit")));
		}
		out.append('\n');
	}

}
