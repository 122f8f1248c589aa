package dev.upgrader.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the race trials of every database run in this JVM, so that a soak run ends with
 * one line per database and a total: trials × instances, executions and double
 * executions. The summary is printed and written to {@code target/race-tally.txt}.
 */
final class RaceTally {

	private static final Map<String, Counts> counts = new TreeMap<>();

	private RaceTally() {
	}

	/**
	 * Records one finished trial.
	 * @param database which database
	 * @param instances how many processes started
	 * @param executions how often each upgrade was executed
	 */
	static synchronized void record(String database, int instances, Map<String, Integer> executions) {
		Counts total = counts.computeIfAbsent(database, (key) -> new Counts());
		total.trials++;
		total.starts += instances;
		executions.values().forEach((times) -> {
			total.executions += times;
			total.doubles += Math.max(0, times - 1);
		});
	}

	/** Prints the summary and writes it to {@code target/race-tally.txt}. */
	static synchronized String report() {
		StringBuilder summary = new StringBuilder();
		Counts all = new Counts();
		counts.forEach((database, total) -> {
			summary.append(line(database, total)).append('\n');
			all.add(total);
		});
		summary.append(line(counts.size() + " database(s)", all)).append('\n');
		System.out.print(summary);
		try {
			Files.writeString(Path.of("target", "race-tally.txt"), summary, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			System.out.println("Race tally not written to target/: " + ex);
		}
		return summary.toString();
	}

	private static String line(String name, Counts total) {
		return "Race tally " + name + ": " + total.trials + " trial(s), " + total.starts + " process starts, "
				+ total.executions + " upgrade executions, double executions = " + total.doubles;
	}

	private static final class Counts {

		private int trials;

		private int starts;

		private int executions;

		private int doubles;

		void add(Counts other) {
			this.trials += other.trials;
			this.starts += other.starts;
			this.executions += other.executions;
			this.doubles += other.doubles;
		}

	}

}
