package dev.upgrader.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.RunOptions;
import dev.upgrader.UpgraderException;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The log table is the one unqualified SQL reaches through the search path
 * ({@code currentSchema} in the JDBC URL), not only the one in {@code current_schema()}
 * (#11).
 */
class PostgresSearchPathTests {

	private final String schema = TestDatabase.uniqueName("uapp");

	private final String table = TestDatabase.uniqueName("upath");

	private final AtomicInteger runs = new AtomicInteger();

	private HikariDataSource admin;

	private JdbcTemplate jdbc;

	@BeforeEach
	void prepare() {
		this.admin = TestDatabase.POSTGRESQL.dataSource();
		this.jdbc = new JdbcTemplate(this.admin);
		this.jdbc.execute("CREATE SCHEMA " + this.schema);
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.execute("DROP SCHEMA " + this.schema + " CASCADE");
		TestDatabase.dropLogTables(this.admin, this.table);
		this.admin.close();
	}

	private HikariDataSource onSearchPath(String currentSchema) {
		HikariDataSource dataSource = new HikariDataSource();
		String url = this.admin.getJdbcUrl();
		dataSource.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + currentSchema);
		dataSource.setUsername(this.admin.getUsername());
		dataSource.setPassword(this.admin.getPassword());
		return dataSource;
	}

	private UpgradeEngine engine(HikariDataSource dataSource) {
		DatabaseDialect dialect = new PostgresDialect();
		return new UpgradeEngine(dataSource, dialect,
				() -> List.of(TestUpgrade.of("r_2026_01_01_a").doing((context) -> this.runs.incrementAndGet())),
				new JdbcUpgradeLog(new JdbcTemplate(dataSource), this.table, dialect),
				dialect.lock(dataSource, this.table, Duration.ofSeconds(5)), List.of());
	}

	private long tablesIn(String schema) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", Long.class,
				schema, this.table);
	}

	@Test
	void logInALaterSchemaOfTheSearchPathIsTheLog() {
		assertThat(engine(this.admin).run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_01_a");
		try (HikariDataSource dataSource = onSearchPath(this.schema + ",public")) {
			UpgradeEngine engine = engine(dataSource);

			assertThat(engine.pending()).isEmpty();
			assertThat(engine.run(RunOptions.unattended()).applied()).isEmpty();
		}
		assertThat(this.runs).hasValue(1);
		assertThat(tablesIn(this.schema)).as("log tables in " + this.schema).isZero();
	}

	@Test
	void newLogGoesWhereCreateTablePutsIt() {
		try (HikariDataSource dataSource = onSearchPath(this.schema + ",public")) {
			assertThat(engine(dataSource).run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_01_a");
			assertThat(engine(dataSource).pending()).isEmpty();
		}
		assertThat(tablesIn(this.schema)).isOne();
		assertThat(tablesIn("public")).isZero();
	}

	@Test
	void searchPathWithoutAnExistingSchemaIsReportedNamingIt() {
		engine(this.admin).run(RunOptions.unattended());
		String missing = TestDatabase.uniqueName("unone");
		try (HikariDataSource dataSource = onSearchPath(missing)) {
			assertThatExceptionOfType(UpgraderException.class)
				.isThrownBy(() -> engine(dataSource).run(RunOptions.unattended()))
				.withMessage("Cannot find or create the table " + this.table + ": no schema of the search_path ("
						+ missing + ") exists. Create the schema, or correct currentSchema in the JDBC URL.");
		}
		assertThat(this.runs).hasValue(1);
	}

	/**
	 * Two applications with the same table name in two schemas are two logs, each with
	 * its own lock.
	 */
	@Test
	void sameTableNameInAnotherSchemaHasItsOwnLock() {
		try (HikariDataSource dataSource = onSearchPath(this.schema);
				UpgradeLock.Held held = new PostgresDialect().lock(this.admin, this.table, Duration.ZERO).acquire()) {
			new PostgresDialect().lock(dataSource, this.table, Duration.ZERO).acquire().close();
		}
	}

}
