package dev.upgrader.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderException;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeEngine;
import dev.upgrader.engine.UpgradeLog;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs upgrades on a fresh database, as a new installation would, and says what went
 * wrong: an upgrade that fails, one left unapplied, a second run that still finds work,
 * or a populated log after which a run still finds work.
 */
final class FromScratchRun {

	/** The default log table, as the starter names it. */
	static final String TABLE = "upgrader_log";

	/** A second log, beside the first, for the populate check. */
	static final String POPULATE_TABLE = "upgrader_populate_check";

	private final DataSource dataSource;

	private final List<Upgrade> upgrades;

	FromScratchRun(DataSource dataSource, List<Upgrade> upgrades) {
		this.dataSource = dataSource;
		this.upgrades = upgrades;
	}

	/**
	 * Runs the checks.
	 * @return what went wrong, one message per check that failed; empty when all passed
	 */
	List<String> failures() {
		DatabaseDialect dialect = DatabaseDialect.detect(this.dataSource);
		UpgradeLog log = UpgradeLog.jdbc(this.dataSource, TABLE, dialect);
		List<AppliedUpgrade> before = log.read();
		if (!before.isEmpty()) {
			return List.of("The database is not fresh: its log table " + TABLE + " already has " + before.size()
					+ " row(s), such as " + before.get(0).id() + "; give a fresh database (FreshDatabase.h2() makes"
					+ " one per test)");
		}
		UpgradeEngine engine = engine(dialect, log);
		List<String> failures = new ArrayList<>();
		RunResult first;
		try {
			first = engine.run(RunOptions.unattended());
		}
		catch (UpgraderException ex) {
			return List.of("The run from scratch on " + dialect + " failed: " + ex.getMessage()
					+ ((ex.getCause() != null) ? System.lineSeparator() + "Caused by: " + ex.getCause() : ""));
		}
		Set<String> unapplied = ids();
		log.read().forEach((row) -> unapplied.remove(row.id()));
		if (!unapplied.isEmpty()) {
			failures.add("The run from scratch on " + dialect + " applied " + first.applied().size()
					+ " upgrade(s) but left " + String.join(", ", unapplied) + " unapplied");
		}
		List<String> second = engine.run(RunOptions.unattended()).applied();
		if (!second.isEmpty()) {
			failures.add("A second run applied " + String.join(", ", second) + "; it should find nothing to do");
		}
		List<String> afterPopulate = runAfterPopulate(dialect);
		if (!afterPopulate.isEmpty()) {
			failures.add("A run after populate (log table " + POPULATE_TABLE + ") applied "
					+ String.join(", ", afterPopulate) + "; populate should record every upgrade");
		}
		return failures;
	}

	/**
	 * Populates a second log and runs against it; drops that log afterwards, as a
	 * database given by URL is the developer's own.
	 */
	private List<String> runAfterPopulate(DatabaseDialect dialect) {
		UpgradeEngine populated = engine(dialect, UpgradeLog.jdbc(this.dataSource, POPULATE_TABLE, dialect));
		try {
			populated.populate();
			return populated.run(RunOptions.unattended()).applied();
		}
		finally {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			jdbc.execute("DROP TABLE IF EXISTS " + POPULATE_TABLE + "_failure");
			jdbc.execute("DROP TABLE IF EXISTS " + POPULATE_TABLE);
		}
	}

	private UpgradeEngine engine(DatabaseDialect dialect, UpgradeLog log) {
		return new UpgradeEngine(this.dataSource, dialect, () -> this.upgrades, log,
				dialect.lock(this.dataSource, TABLE, Duration.ofSeconds(30)), List.of());
	}

	private Set<String> ids() {
		Set<String> ids = new LinkedHashSet<>();
		this.upgrades.forEach((upgrade) -> ids.add(upgrade.id()));
		return ids;
	}

}
