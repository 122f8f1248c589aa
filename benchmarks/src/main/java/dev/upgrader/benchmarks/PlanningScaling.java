package dev.upgrader.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.upgrader.Upgrade;
import dev.upgrader.engine.BenchmarkPlanning;

/**
 * Planning's scaling measured by CPU time rather than wall time, and the heap it retains.
 * On a machine shared with other builds, wall time mostly measures the other processes
 * (JMH's {@link PlanningBenchmark} then varies tenfold), while the planning thread's own
 * CPU time, best of many rounds, stays comparable across sizes. Prints one JSON object
 * per size.
 * <p>
 * Arguments: the sizes, e.g. {@code 1000 10000 100000}; {@code --rounds N} caps the
 * rounds per size (a smoke run uses few).
 */
public final class PlanningScaling {

	private static final int APPLIED_PERCENT = 0;

	/**
	 * The discovery orders: as a package scan finds upgrades, and the repositories
	 * interleaved, the order that reads memory least in sequence.
	 */
	private static final List<String> ORDERS = List.of("scan", "interleaved");

	private static final int WARM_UP_SIZE = 2_000;

	private static final int WARM_UP_ROUNDS = 1_000;

	private PlanningScaling() {
	}

	/**
	 * Runs the measurement.
	 * @param args the sizes, and optionally {@code --rounds N}
	 */
	public static void main(String[] args) {
		int maxRounds = 200;
		List<Integer> sizes = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--rounds")) {
				maxRounds = Integer.parseInt(args[++i]);
			}
			else {
				sizes.add(Integer.parseInt(args[i]));
			}
		}
		BenchmarkPlanning planning = new BenchmarkPlanning();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		warmUp(planning);
		List<String> results = new ArrayList<>();
		for (int size : sizes) {
			for (String order : ORDERS) {
				results.add(measure(planning, threads, order, size, maxRounds));
			}
		}
		System.out.println("[\n  " + String.join(",\n  ", results) + "\n]");
	}

	/**
	 * Plans small graphs until the JIT has compiled planning: otherwise the first size
	 * and order measured run partly interpreted code, and their best round depends on
	 * what was measured before them.
	 */
	private static void warmUp(BenchmarkPlanning planning) {
		for (String order : ORDERS) {
			List<Upgrade> code = SyntheticUpgrades.inOrder(order, WARM_UP_SIZE);
			for (int round = 0; round < WARM_UP_ROUNDS; round++) {
				planning.plan(code, Set.of());
			}
		}
	}

	private static String measure(BenchmarkPlanning planning, ThreadMXBean threads, String order, int size,
			int maxRounds) {
		long emptyHeap = usedHeapAfterGc();
		List<Upgrade> code = SyntheticUpgrades.inOrder(order, size);
		Set<String> applied = SyntheticUpgrades.applied(size, APPLIED_PERCENT);
		Checks.applied(size - applied.size(), planning.plan(code, applied).size());
		// Enough rounds for the JIT and for a quiet moment between other processes.
		int rounds = Math.min(maxRounds, Math.max(10, 5_000_000 / size));
		long best = Long.MAX_VALUE;
		long total = 0;
		for (int round = 0; round < rounds; round++) {
			long start = threads.getCurrentThreadCpuTime();
			planning.plan(code, applied);
			long spent = threads.getCurrentThreadCpuTime() - start;
			best = Math.min(best, spent);
			total += spent;
		}
		long codeHeap = usedHeapAfterGc();
		Object held = planning.graphAndPlan(code, applied);
		long plannedHeap = usedHeapAfterGc();
		Reference.reachabilityFence(held);
		Reference.reachabilityFence(code);
		return String.format(Locale.ROOT,
				"{\"upgrades\": %d, \"order\": \"%s\", \"rounds\": %d, \"bestCpuMs\": %.3f, \"meanCpuMs\": %.3f,"
						+ " \"bestCpuNsPerUpgrade\": %.1f, \"retainedByPlanningMB\": %.2f,"
						+ " \"retainedWithUpgradesMB\": %.2f}",
				size, order, rounds, best / 1e6, total / 1e6 / rounds, (double) best / size,
				(plannedHeap - codeHeap) / 1e6, (plannedHeap - emptyHeap) / 1e6);
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		// A few collections: one may leave floating garbage behind.
		for (int i = 0; i < 4; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
