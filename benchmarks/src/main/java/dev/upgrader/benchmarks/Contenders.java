package dev.upgrader.benchmarks;

import java.io.OutputStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

import dev.upgrader.Upgrade;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeEngine;
import dev.upgrader.engine.UpgradeLog;

/**
 * Builds the contenders the way an application does at start-up, so that a benchmark
 * which builds them measures the whole start-up path: our engine from an upgrade list,
 * Flyway with default settings from a list of Java migrations (no classpath scanning),
 * and Liquibase from an XML changelog.
 */
final class Contenders {

	private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

	/**
	 * Liquibase logs through {@code java.util.logging}, which the benchmarks leave
	 * unbridged: at WARNING it pays for no console output, as the others at WARN
	 * (logback.xml). Held here so the setting is not collected with the logger.
	 */
	private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

	static {
		LIQUIBASE_LOG.setLevel(Level.WARNING);
		// Liquibase 4.30+ would report usage over the network from every update.
		System.setProperty("liquibase.analytics.enabled", "false");
	}

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

	/**
	 * Liquibase's update as Spring Boot runs it, with its history and lock tables named;
	 * count the history's rows for what it applied.
	 */
	static void liquibase(DataSource dataSource, String table, LiquibaseChangelog changelog) {
		try (Connection connection = dataSource.getConnection()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			database.setDatabaseChangeLogTableName(table);
			database.setDatabaseChangeLogLockTableName(table + "_lock");
			// Its console summary would be the only output of a run: drop it.
			Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(),
					new DirectoryResourceAccessor(changelog.directory()), Scope.Attr.ui.name(), new LoggerUIService());
			Scope.child(scope,
					() -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
						.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
						.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog.file())
						.setOutput(OutputStream.nullOutputStream())
						.execute());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Liquibase update failed", ex);
		}
	}

	/** The rows of a Liquibase history table. */
	static int liquibaseRows(BenchmarkDatabase db, String table) {
		return db.jdbc().queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

}
