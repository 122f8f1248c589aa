package dev.upgrader.integration.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.autoconfigure.UpgraderApplicationRunner;
import dev.upgrader.autoconfigure.UpgraderInitializer;
import dev.upgrader.integration.jpa.app.JpaApplication;
import dev.upgrader.integration.jpa.broken.BrokenGraphApplication;
import dev.upgrader.integration.jpa.initializer.RepositoryInitializerApplication;
import dev.upgrader.integration.jpa.model.Book;
import dev.upgrader.integration.jpa.model.BookRepository;
import dev.upgrader.integration.jpa.runner.RepositoryRunnerApplication;
import dev.upgrader.integration.jpa.service.TransactionalServiceApplication;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A JPA application with {@code spring.jpa.hibernate.ddl-auto=validate} and no
 * {@code upgrader.*} property, started on a fresh database: its upgrades create the
 * schema that Hibernate validates.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractJpaApplicationTests {

	private static final String[] TABLES = { "it_book", "upgrader_log", "upgrader_log_lock", "upgrader_log_failure" };

	private final TestDatabase database;

	private TestDatabase.Connection connection;

	private HikariDataSource dataSource;

	protected AbstractJpaApplicationTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void freshDatabase() {
		this.connection = this.database.connection();
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(this.connection.url());
		this.dataSource.setUsername(this.connection.user());
		this.dataSource.setPassword(this.connection.password());
		TestDatabase.dropTables(this.dataSource, TABLES);
	}

	@AfterEach
	void dropTables() {
		TestDatabase.dropTables(this.dataSource, TABLES);
		this.dataSource.close();
	}

	@Test
	void startsOnAFreshDatabaseWithDefaultSettingsAndASecondStartAppliesNothing() {
		try (ConfigurableApplicationContext context = application(JpaApplication.class).run()) {
			assertThat(context.getBeansOfType(UpgraderInitializer.class)).hasSize(1);
			assertThat(context.getBeansOfType(UpgraderApplicationRunner.class)).isEmpty();
			assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
				.containsExactly("lib_2026_01_01_create_books", "lib_2026_01_02_seed_books");
			assertThat(context.getBean(BookRepository.class).findAll()).extracting(Book::getTitle)
				.containsExactly("Dune");
		}
		try (ConfigurableApplicationContext context = application(JpaApplication.class).run()) {
			assertThat(context.getBean(Upgrader.class).pending()).isEmpty();
			assertThat(context.getBean(BookRepository.class).count()).isOne();
		}
		assertThat(count("upgrader_log")).isEqualTo(2);
	}

	@Test
	void upgradeUsingARepositoryInTheRunnerPhaseJoinsTheUpgradesTransaction() {
		try (ConfigurableApplicationContext context = application(RepositoryRunnerApplication.class,
				"upgrader.auto-run-phase=runner", "spring.jpa.hibernate.ddl-auto=none")
			.run()) {
			assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
				.containsExactly("shelf_2026_01_01_create_books", "shelf_2026_01_02_save_books");
			assertThat(context.getBean(BookRepository.class).findAll()).extracting(Book::getTitle)
				.containsExactly("Solaris");
		}
	}

	@Test
	void failedUpgradeRollsBackWhatItSavedThroughARepository() {
		assertThatException()
			.isThrownBy(() -> application(RepositoryRunnerApplication.class, "upgrader.auto-run-phase=runner",
					"spring.jpa.hibernate.ddl-auto=none", "shelf.fail=true")
				.run())
			.withStackTraceContaining("shelf_2026_01_02_save_books")
			.withStackTraceContaining("Failing on purpose after saving");
		assertThat(count("it_book")).isZero();
		assertThat(new JdbcTemplate(this.dataSource).queryForList("SELECT upgrade FROM upgrader_log", String.class))
			.containsExactly("shelf_2026_01_01_create_books");
	}

	@Test
	void upgradeTakingARepositoryInTheInitializerPhaseFailsNamingItAndWhatToDo() {
		assertThatException().isThrownBy(() -> application(RepositoryInitializerApplication.class).run())
			.withStackTraceContaining("early_2026_01_01_save_books' cannot be created: it needs 'bookRepository'")
			.withStackTraceContaining("which waits for the upgrades")
			.withStackTraceContaining("upgrader.auto-run-phase=runner");
	}

	@Test
	void invalidGraphStopsTheStartWithAnAnalysisNamingTheUpgradeAndNothingIsWritten(CapturedOutput output) {
		assertThatException().isThrownBy(() -> application(BrokenGraphApplication.class).run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Upgrade lib_2026_01_01_create_books depends on an unknown upgrade lib_2025_12_31_missing")
			.contains("Fix the upgrade classes and SQL files named above");
		assertThat(tableExists("it_book")).isFalse();
		assertThat(!tableExists("upgrader_log") || count("upgrader_log") == 0).isTrue();
	}

	@Test
	void upgradeCallingATransactionalServiceInTheInitializerPhaseFailsNamingItAndWhatToDo(CapturedOutput output) {
		assertThatException().isThrownBy(() -> application(TransactionalServiceApplication.class).run());
		assertThat(output).contains("Upgrade svc_2026_01_01_shelve_books failed")
			.contains("Upgrade svc_2026_01_01_shelve_books called bean 'transactionManager', which can only be created"
					+ " after the upgrades ran")
			.contains("use ctx.jdbc()")
			.contains("upgrader.auto-run-phase=runner");
		assertThat(count("upgrader_log")).isZero();
	}

	@Test
	void refuseTrafficWithJpaFailsTheStartNamingTheBeansThatChoseTheInitializerPhase() {
		assertThatException()
			.isThrownBy(() -> application(JpaApplication.class, "upgrader.on-failure=refuse-traffic").run())
			.withStackTraceContaining("upgrader.on-failure")
			.withStackTraceContaining("entityManagerFactory")
			.withStackTraceContaining("depend on database initialization");
	}

	private SpringApplicationBuilder application(Class<?> application, String... properties) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties(this.connection.properties())
			.properties("spring.main.banner-mode=off", "spring.jpa.hibernate.ddl-auto=validate",
					"spring.jpa.open-in-view=false", "spring.flyway.enabled=false", "spring.liquibase.enabled=false")
			.properties(properties);
	}

	private boolean tableExists(String table) {
		return Boolean.TRUE.equals(new JdbcTemplate(this.dataSource).execute((Connection connection) -> {
			DatabaseMetaData metaData = connection.getMetaData();
			for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
				// In the connection's own schema only: other schemas of a shared database
				// may hold tables of the same name.
				try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name,
						null)) {
					if (tables.next()) {
						return true;
					}
				}
			}
			return false;
		}));
	}

	private int count(String table) {
		return new JdbcTemplate(this.dataSource).queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

}
