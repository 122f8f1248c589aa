package dev.upgrader.benchmarks;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.upgrader.Upgrade;
import dev.upgrader.engine.BenchmarkPlanning;

/**
 * Goal: build, validate and order 10,000 upgrades in at most 10 ms (issue #6), 5 ms
 * (issue #14; {@link PlanningScaling} measures it by CPU time, and the scaling). Measures
 * {@code UpgradeGraph.of} (id parsing, duplicates, cycles) plus
 * {@code TopologicalPlanner.plan} and {@code UpgradePlan.requireValid()}, through
 * {@link BenchmarkPlanning}, with no database: the upgrades and the applied ids are built
 * once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlanningBenchmark {

	@Param({ "1000", "10000", "100000" })
	int upgrades;

	/** The share of the upgrades already in the log. */
	@Param({ "0", "90" })
	int appliedPercent;

	/**
	 * The discovery order: {@code scan}, as a package scan finds them, or
	 * {@code interleaved} (see {@link SyntheticUpgrades}).
	 */
	@Param({ "scan", "interleaved" })
	String order;

	private List<Upgrade> code;

	private Set<String> applied;

	private final BenchmarkPlanning planning = new BenchmarkPlanning();

	@Setup(Level.Trial)
	public void setUp() {
		this.code = SyntheticUpgrades.inOrder(this.order, this.upgrades);
		this.applied = SyntheticUpgrades.applied(this.upgrades, this.appliedPercent);
		int expected = this.upgrades - this.applied.size();
		int pending = plan().size();
		if (pending != expected) {
			throw new IllegalStateException("Expected " + expected + " pending upgrades, planned " + pending);
		}
	}

	@Benchmark
	public List<?> plan() {
		return this.planning.plan(this.code, this.applied);
	}

}
