package dev.upgrader.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the race trials of every race run in this JVM (the in-process and the
 * multi-process race, per database), so that a soak run ends with one line per race and a
 * total: trials, starts (trials × instances), executions, double executions and failed
 * trials. The summary is printed and written to {@code target/race-tally.txt}.
 */
public final class RaceTally {

	private static final Map<String, Counts> counts = new TreeMap<>();

	private RaceTally() {
	}

	/**
	 * Records the executions of a trial whose instances all ran to the end.
	 * @param race which race, e.g. {@code H2 10 JVMs}
	 * @param instances how many instances started
	 * @param executions how often each upgrade was executed
	 */
	public static synchronized void record(String race, int instances, Map<String, Integer> executions) {
		Counts total = counts.computeIfAbsent(race, (key) -> new Counts());
		total.starts += instances;
		executions.values().forEach((times) -> {
			total.executions += times;
			total.doubles += Math.max(0, times - 1);
		});
	}

	/**
	 * Records the end of a trial.
	 * @param race which race
	 * @param passed whether the trial passed; a failed one may have recorded no
	 * executions (an instance did not start or did not exit cleanly)
	 */
	public static synchronized void trialEnded(String race, boolean passed) {
		Counts total = counts.computeIfAbsent(race, (key) -> new Counts());
		total.trials++;
		if (!passed) {
			total.failures++;
		}
	}

	/**
	 * Prints the summary and writes it to {@code target/race-tally.txt}.
	 * @return the summary
	 */
	public static synchronized String report() {
		StringBuilder summary = new StringBuilder();
		Counts all = new Counts();
		counts.forEach((database, total) -> {
			summary.append(line(database, total)).append('\n');
			all.add(total);
		});
		summary.append(line(counts.size() + " race(s)", all)).append('\n');
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
		return "Race tally " + name + ": " + total.trials + " trial(s), " + total.starts + " starts, "
				+ total.executions + " upgrade executions, double executions = " + total.doubles + ", failed trials = "
				+ total.failures;
	}

	private static final class Counts {

		private int trials;

		private int starts;

		private int executions;

		private int doubles;

		private int failures;

		void add(Counts other) {
			this.trials += other.trials;
			this.starts += other.starts;
			this.executions += other.executions;
			this.doubles += other.doubles;
			this.failures += other.failures;
		}

	}

}
