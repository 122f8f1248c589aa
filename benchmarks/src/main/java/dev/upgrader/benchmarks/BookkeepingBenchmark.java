package dev.upgrader.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.api.migration.JavaMigration;
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
import dev.upgrader.Upgrade;

/**
 * Goal: applying an upgrade costs the engine at most 2 ms, flat as the log grows, and
 * less than Flyway and Liquibase (issues #6 and #14). On PostgreSQL and MariaDB, each
 * invocation applies {@code pending} no-op upgrades (Flyway: Java migrations; Liquibase:
 * changesets of {@code SELECT 1} in an XML changelog) on top of a log that already holds
 * {@code logRows} rows of upgrades also in the code, so the whole log is read and
 * validated as in production. Divide the score by {@code pending} for the cost per
 * upgrade.
 * <p>
 * Every invocation gets fresh tables, copied from templates filled once per trial, so no
 * invocation sees another's rows.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BookkeepingBenchmark {

	@Benchmark
	public void upgrader(OurLog log) {
		Code code = log.code;
		log.appliedNow = Contenders.upgrader(code.db.dataSource(), log.table, code.upgrades)
			.run(RunOptions.unattended())
			.applied()
			.size();
	}

	@Benchmark
	public void flyway(FlywayHistory history) {
		Code code = history.code;
		history.appliedNow = Contenders.flyway(code.db.dataSource(), code.flywaySchema, history.table, code.migrations)
			.migrate().migrationsExecuted;
	}

	@Benchmark
	public void liquibase(LiquibaseHistory history) {
		Code code = history.code;
		Contenders.liquibase(code.db.dataSource(), history.table, code.changelog);
	}

	/** The code (history plus pending) and the template tables, once per trial. */
	@State(Scope.Benchmark)
	public static class Code {

		@Param({ "postgresql", "mariadb" })
		String database;

		@Param({ "100", "1000" })
		int pending;

		@Param({ "0", "10000" })
		int logRows;

		BenchmarkDatabase db;

		List<Upgrade> upgrades;

		List<JavaMigration> migrations;

		LiquibaseChangelog changelog;

		final String logTemplate = BenchmarkDatabase.uniqueName("bench_log_template");

		/**
		 * Flyway's tables live in a schema of their own, see
		 * {@link BenchmarkDatabase#createSchema}.
		 */
		final String flywaySchema = BenchmarkDatabase.uniqueName("bench_flyway");

		final String flywayTemplate = "flyway_template";

		final String liquibaseTemplate = BenchmarkDatabase.uniqueName("bench_liquibase_template");

		private boolean logTemplateFilled;

		private boolean flywayTemplateFilled;

		private boolean liquibaseTemplateFilled;

		@Setup(Level.Trial)
		public void setUp() {
			this.db = BenchmarkDatabase.open(this.database);
			this.upgrades = SyntheticUpgrades.upgrades(this.logRows + this.pending);
			this.migrations = NoOpMigration.migrations(this.logRows + this.pending);
			this.changelog = LiquibaseChangelog.write(this.logRows + this.pending);
			this.db.createSchema(this.flywaySchema);
		}

		/**
		 * A fresh log holding the first {@code logRows} upgrades, or no table for an
		 * empty log.
		 */
		void freshLog(String table) {
			if (this.logRows == 0) {
				return;
			}
			if (!this.logTemplateFilled) {
				// populate() writes the log in one batch; its rows differ from a run's
				// only in kind.
				Checks.applied(this.logRows,
						Contenders
							.upgrader(this.db.dataSource(), this.logTemplate, this.upgrades.subList(0, this.logRows))
							.populate());
				this.logTemplateFilled = true;
			}
			this.db.copy(this.logTemplate, table);
		}

		/**
		 * A fresh Flyway history holding the first {@code logRows} migrations, or none.
		 */
		void freshHistory(String table) {
			if (this.logRows == 0) {
				return;
			}
			if (!this.flywayTemplateFilled) {
				FlywayTemplate.fill(this.db, this.flywaySchema, this.flywayTemplate, this.migrations, this.logRows);
				this.flywayTemplateFilled = true;
			}
			this.db.copy(this.flywaySchema + "." + this.flywayTemplate, this.flywaySchema + "." + table);
		}

		/**
		 * A fresh Liquibase history holding the first {@code logRows} changesets, or
		 * none.
		 */
		void freshLiquibaseHistory(String table) {
			if (this.logRows == 0) {
				return;
			}
			if (!this.liquibaseTemplateFilled) {
				LiquibaseTemplate.fill(this.db, this.liquibaseTemplate, this.logRows);
				this.liquibaseTemplateFilled = true;
			}
			this.db.copy(this.liquibaseTemplate, table);
		}

		@TearDown(Level.Trial)
		public void tearDown() {
			this.db.drop(this.logTemplate, this.logTemplate + "_failure", this.liquibaseTemplate,
					this.liquibaseTemplate + "_lock");
			this.db.dropSchema(this.flywaySchema);
			this.db.close();
		}

	}

	/** A fresh copy of our log for one invocation. */
	@State(Scope.Thread)
	public static class OurLog {

		Code code;

		String table;

		int appliedNow;

		@Setup(Level.Invocation)
		public void setUp(Code code) {
			this.code = code;
			this.table = BenchmarkDatabase.uniqueName("bench_log");
			code.freshLog(this.table);
		}

		@TearDown(Level.Invocation)
		public void tearDown() {
			this.code.db.drop(this.table, this.table + "_failure");
			Checks.applied(this.code.pending, this.appliedNow);
		}

	}

	/** A fresh copy of Flyway's history for one invocation. */
	@State(Scope.Thread)
	public static class FlywayHistory {

		Code code;

		String table;

		int appliedNow;

		@Setup(Level.Invocation)
		public void setUp(Code code) {
			this.code = code;
			this.table = BenchmarkDatabase.uniqueName("history");
			code.freshHistory(this.table);
		}

		@TearDown(Level.Invocation)
		public void tearDown() {
			this.code.db.drop(this.code.flywaySchema + "." + this.table);
			Checks.applied(this.code.pending, this.appliedNow);
		}

	}

	/** A fresh copy of Liquibase's history for one invocation. */
	@State(Scope.Thread)
	public static class LiquibaseHistory {

		Code code;

		String table;

		@Setup(Level.Invocation)
		public void setUp(Code code) {
			this.code = code;
			this.table = BenchmarkDatabase.uniqueName("bench_liquibase");
			code.freshLiquibaseHistory(this.table);
		}

		@TearDown(Level.Invocation)
		public void tearDown() {
			int rows = Contenders.liquibaseRows(this.code.db, this.table);
			this.code.db.drop(this.table, this.table + "_lock");
			Checks.applied(this.code.pending, rows - this.code.logRows);
		}

	}

}
