package dev.upgrader.integration.flywayimport;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.license.VersionPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.FlywayImport;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeListener;
import dev.upgrader.UpgraderException;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeEngine;
import dev.upgrader.engine.UpgradeLog;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The import of a real Flyway history, built in the test by Flyway itself: two SQL
 * migrations, a Java migration, a repeatable one and a failed one.
 */
abstract class AbstractFlywayImportTests {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy_MM_dd");

	private final TestDatabase database;

	private HikariDataSource dataSource;

	private JdbcTemplate jdbc;

	private String prefix;

	private String history;

	private String log;

	AbstractFlywayImportTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void prepare() {
		this.dataSource = this.database.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.prefix = TestDatabase.uniqueName("fi");
		this.history = this.prefix + "_history";
		this.log = TestDatabase.uniqueName("filog");
		if (this.database == TestDatabase.POSTGRESQL) {
			// Flyway refuses a schema that holds tables but no history of its own, and
			// the
			// shared database's public schema may hold other tests' tables.
			this.jdbc.execute("CREATE SCHEMA " + this.prefix);
			this.dataSource.close();
			this.dataSource = this.database.dataSource();
			this.dataSource.setConnectionInitSql("SET search_path TO " + this.prefix);
			this.jdbc = new JdbcTemplate(this.dataSource);
		}
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.execute("DROP VIEW IF EXISTS " + this.prefix + "_author_names");
		TestDatabase.dropTables(this.dataSource, this.prefix + "_book", this.prefix + "_author");
		this.jdbc.execute("DROP TABLE IF EXISTS " + quotedHistory());
		TestDatabase.dropLogTables(this.dataSource, this.log);
		this.dataSource.close();
		if (this.database == TestDatabase.POSTGRESQL) {
			try (HikariDataSource admin = this.database.dataSource()) {
				new JdbcTemplate(admin).execute("DROP SCHEMA IF EXISTS " + this.prefix + " CASCADE");
			}
		}
	}

	/** Flyway quotes its table on H2, where unquoted names are upper case. */
	private String quotedHistory() {
		return (this.database == TestDatabase.H2) ? "\"" + this.history + "\"" : this.history;
	}

	private Flyway flyway(String target) {
		return Flyway.configure()
			.dataSource(this.dataSource)
			.table(this.history)
			.locations("classpath:db/flyway-import")
			.javaMigrations(new V2__Seed_authors(), new V3__Broken_index())
			.placeholders(Map.of("prefix", this.prefix))
			.target((target != null) ? target : "latest")
			.load();
	}

	/**
	 * V1 and V1.1 (SQL), V2 (Java) and the repeatable R__author_names, then V3, which
	 * fails and is recorded as failed.
	 */
	private LocalDate buildHistory() {
		// The history our users bring is written by the Flyway they run today, not by the
		// older one that Spring Boot 4.0 manages: the pom pins it.
		assertThat(VersionPrinter.getVersion()).startsWith("13.");
		flyway("2").migrate();
		assertThatExceptionOfType(FlywayException.class).isThrownBy(() -> flyway(null).migrate());
		if (this.database == TestDatabase.POSTGRESQL) {
			recordFailureAsFlywayDoesWithoutTransactionalDdl();
		}
		MigrationInfo first = flyway(null).info().applied()[0];
		assertThat(flyway(null).info().applied())
			.extracting(MigrationInfo::getScript, (info) -> info.getState().isFailed())
			.contains(tuple("dev.upgrader.integration.flywayimport.V3__Broken_index", true));
		return first.getInstalledOn().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
	}

	/**
	 * PostgreSQL rolls a failed migration back with its history row, so Flyway leaves no
	 * failed row there; it is written as Flyway writes it on H2 and MariaDB.
	 */
	private void recordFailureAsFlywayDoesWithoutTransactionalDdl() {
		this.jdbc.update("INSERT INTO " + this.history + " (installed_rank, version, description, type, script,"
				+ " checksum, installed_by, installed_on, execution_time, success) SELECT MAX(installed_rank) + 1,"
				+ " '3', 'Broken index', 'JDBC', 'dev.upgrader.integration.flywayimport.V3__Broken_index', NULL,"
				+ " current_user, CURRENT_TIMESTAMP, 4, false FROM " + this.history);
	}

	private UpgradeEngine engine(Upgrade... upgrades) {
		return engine(List.of(), upgrades);
	}

	private UpgradeEngine engine(List<UpgradeListener> listeners, Upgrade... upgrades) {
		DatabaseDialect dialect = DatabaseDialect.detect(this.dataSource);
		return new UpgradeEngine(this.dataSource, dialect, () -> List.of(upgrades),
				UpgradeLog.jdbc(this.dataSource, this.log, dialect),
				dialect.lock(this.dataSource, this.log, Duration.ofSeconds(5)), listeners);
	}

	@Test
	void theImportedRowsAreReportedToTheListenersAndARepeatedImportReportsNothing() {
		buildHistory();
		List<List<String>> reported = new ArrayList<>();
		UpgradeListener listener = new UpgradeListener() {

			@Override
			public void recorded(List<AppliedUpgrade> rows) {
				reported.add(rows.stream().map(AppliedUpgrade::id).toList());
			}

		};
		UpgradeEngine engine = engine(List.of(listener));

		FlywayImport result = engine.importFlyway(this.history, "legacy");
		engine.importFlyway(this.history, "legacy");

		assertThat(reported).containsExactly(result.imported());
	}

	@Test
	void eachSuccessfulMigrationIsRecordedOnceAndNewUpgradesDependingOnTheLastOneRun() {
		String day = DATE.format(buildHistory());
		UpgradeEngine engine = engine();

		FlywayImport result = engine.importFlyway(this.history, "legacy");

		String last = "legacy_" + day + "_v2_seed_authors";
		assertThat(result.imported()).containsExactly("legacy_" + day + "_v1_init", "legacy_" + day + "_v1_1_add_books",
				last);
		assertThat(result.last()).isEqualTo(last);
		assertThat(result.alreadyImported()).isEmpty();
		assertThat(result.skipped()).hasSize(2)
			.anySatisfy((row) -> assertThat(row).startsWith("installed_rank ")
				.contains("V3 (dev.upgrader.integration.flywayimport.V3__Broken_index): failed in Flyway"))
			.anySatisfy((row) -> assertThat(row).contains("(R__author_names.sql): a repeatable migration"));
		List<AppliedUpgrade> applied = engine.applied();
		assertThat(applied).extracting(AppliedUpgrade::kind).containsOnly(AppliedUpgrade.Kind.IMPORT);
		assertThat(applied).extracting(AppliedUpgrade::info)
			.containsExactly("Flyway V1: init (V1__init.sql)", "Flyway V1.1: add books (V1_1__add_books.sql)",
					"Flyway V2: Seed authors (dev.upgrader.integration.flywayimport.V2__Seed_authors)");

		FlywayImport again = engine.importFlyway(this.history, "legacy");
		assertThat(again.imported()).isEmpty();
		assertThat(again.alreadyImported()).containsExactlyElementsOf(result.imported());
		assertThat(engine.applied()).isEqualTo(applied);

		UpgradeEngine carryingOn = engine(TestUpgrade.of("shop_2026_12_31_second_author", last)
			.doing((context) -> context.jdbc()
				.update("INSERT INTO " + this.prefix + "_author (id, name) VALUES (2, 'Butler')")));
		RunResult run = carryingOn.run(RunOptions.unattended());
		assertThat(run.applied()).containsExactly("shop_2026_12_31_second_author");
		assertThat(run.warnings()).as("imported rows are not ghosts").isEmpty();
		assertThat(this.jdbc.queryForList("SELECT name FROM " + this.prefix + "_author ORDER BY id", String.class))
			.containsExactly("Le Guin", "Butler");
	}

	@Test
	void aRepositoryThatCannotStartAnIdIsRefusedAndNothingIsWritten() {
		buildHistory();

		assertThatExceptionOfType(UpgraderException.class)
			.isThrownBy(() -> engine().importFlyway(this.history, "2legacy"))
			.withMessageStartingWith("Invalid repository '2legacy' for the imported Flyway migrations");
		assertThat(engine().applied()).isEmpty();
	}

}
