package dev.upgrader.benchmarks.startup.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * An {@link ApplicationStartup} that charges the main thread's CPU and wall time of each
 * start-up step (post-processors, bean creations, ...) to a category, children's time
 * excluded, and prints the totals: where a start's time goes, without a profiler's
 * sampling gaps. The CPU time is the thread's, so the JIT compiler's and the garbage
 * collector's threads are not in it.
 */
final class StepProfile implements ApplicationStartup {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Deque<Step> open = new ArrayDeque<>();

	private final Map<String, long[]> totals = new TreeMap<>();

	private long mark = System.nanoTime();

	private long cpuMark = THREADS.getCurrentThreadCpuTime();

	@Override
	public StartupStep start(String name) {
		charge();
		Step step = new Step(name);
		this.open.push(step);
		return step;
	}

	/**
	 * Charges the time since the last mark to the innermost open step, or to "outside".
	 */
	private void charge() {
		long now = System.nanoTime();
		long cpu = THREADS.getCurrentThreadCpuTime();
		String category = this.open.isEmpty() ? "outside any step" : this.open.peek().category();
		long[] total = this.totals.computeIfAbsent(category, (key) -> new long[2]);
		total[0] += cpu - this.cpuMark;
		total[1] += now - this.mark;
		this.mark = now;
		this.cpuMark = cpu;
	}

	/** Closes the steps still open, then prints one line per category. */
	void report(String header) {
		charge();
		StringBuilder out = new StringBuilder(header).append('\n');
		this.totals.forEach((category, total) -> out.append(String.format(Locale.ROOT,
				"STEP %-60s cpu %6d ms  wall %6d ms%n", category, total[0] / 1_000_000, total[1] / 1_000_000)));
		System.err.print(out);
	}

	private static String categoryOf(String value) {
		if (value.startsWith("bench.upgrades.")) {
			return "[the generated upgrades]";
		}
		if (value.contains("pgrader")) {
			return value.replaceAll("@[0-9a-f]+$", "");
		}
		return "[others]";
	}

	private final class Step implements StartupStep {

		private final String name;

		private String detail = "";

		Step(String name) {
			this.name = name;
		}

		String category() {
			return this.name + this.detail;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public long getId() {
			return 0;
		}

		@Override
		public Long getParentId() {
			return null;
		}

		@Override
		public StartupStep tag(String key, String value) {
			if (key.equals("beanName") || key.equals("postProcessor")) {
				this.detail = " " + categoryOf(value);
			}
			return this;
		}

		@Override
		public StartupStep tag(String key, Supplier<String> value) {
			return tag(key, value.get());
		}

		@Override
		public Tags getTags() {
			return Collections::emptyIterator;
		}

		@Override
		public void end() {
			charge();
			StepProfile.this.open.remove(this);
		}

	}

}
