package dev.upgrader.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrade;

/**
 * Goal: with 1,000 applied upgrades, a start-up with nothing pending takes at most 50 ms
 * and at most 0.2x Flyway's {@code migrate()} with 1,000 applied Java migrations (issue
 * #6).
 * <p>
 * Each invocation wires the contender from scratch (dialect detection, log, lock, engine;
 * Flyway's configure and load) and runs it: lock, read the log, build and plan the graph,
 * decide that nothing is pending. Both logs are filled once per trial by real runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NoOpStartupBenchmark {

	@Param({ "h2", "postgresql" })
	String database;

	@Param({ "1000" })
	int applied;

	private BenchmarkDatabase db;

	private List<Upgrade> upgrades;

	private List<JavaMigration> migrations;

	private final String logTable = BenchmarkDatabase.uniqueName("bench_log");

	private final String flywaySchema = BenchmarkDatabase.uniqueName("bench_flyway");

	private final String flywayTable = "flyway_schema_history";

	@Setup(Level.Trial)
	public void setUp() {
		this.db = BenchmarkDatabase.open(this.database);
		this.upgrades = SyntheticUpgrades.upgrades(this.applied);
		this.migrations = NoOpMigration.migrations(this.applied);
		this.db.createSchema(this.flywaySchema);
		Checks.applied(this.applied, upgrader().applied().size());
		Checks.applied(this.applied, flyway().migrationsExecuted);
		Checks.applied(0, upgrader().applied().size());
		Checks.applied(0, flyway().migrationsExecuted);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.db.drop(this.logTable, this.logTable + "_lock", this.logTable + "_failure");
		this.db.dropSchema(this.flywaySchema);
		this.db.close();
	}

	@Benchmark
	public RunResult upgrader() {
		return Contenders.upgrader(this.db.dataSource(), this.logTable, this.upgrades).run(RunOptions.unattended());
	}

	@Benchmark
	public MigrateResult flyway() {
		return Contenders.flyway(this.db.dataSource(), this.flywaySchema, this.flywayTable, this.migrations).migrate();
	}

}
