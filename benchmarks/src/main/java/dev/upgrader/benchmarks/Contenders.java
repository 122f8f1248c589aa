package dev.upgrader.benchmarks;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

import dev.upgrader.Upgrade;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeEngine;
import dev.upgrader.engine.UpgradeLog;

/**
 * Builds the two contenders the way an application does at start-up, so that a benchmark
 * which builds them measures the whole start-up path: our engine from an upgrade list,
 * and Flyway with default settings from a list of Java migrations (no classpath
 * scanning).
 */
final class Contenders {

	private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

	private Contenders() {
	}

	/** Detects the dialect and wires the engine as the auto-configuration does. */
	static UpgradeEngine upgrader(DataSource dataSource, String table, List<Upgrade> upgrades) {
		DatabaseDialect dialect = DatabaseDialect.detect(dataSource);
		UpgradeLog log = UpgradeLog.jdbc(dataSource, table, dialect);
		return new UpgradeEngine(dataSource, dialect, () -> upgrades, log, dialect.lock(dataSource, table, LOCK_WAIT),
				List.of());
	}

	/**
	 * Flyway with its defaults, except the schema it owns, the history table name and the
	 * explicit migrations.
	 */
	static Flyway flyway(DataSource dataSource, String schema, String table, List<JavaMigration> migrations) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema)
			.table(table)
			.locations(new String[0])
			.javaMigrations(migrations.toArray(JavaMigration[]::new))
			.load();
	}

}
