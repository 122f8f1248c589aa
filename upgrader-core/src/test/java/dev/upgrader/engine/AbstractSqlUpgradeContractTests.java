package dev.upgrader.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * SQL upgrades on every supported database: the splitter's hard cases, each run as an
 * upgrade and checked by the rows it wrote; SQL and Java upgrades in one graph; a failing
 * statement. Each test works in its own tables, with its files in a temporary folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSqlUpgradeContractTests {

	private final TestDatabase database;

	private final String databaseName;

	private HikariDataSource dataSource;

	private JdbcTemplate jdbc;

	private DatabaseDialect dialect;

	private String table;

	private String data;

	private Path files;

	@TempDir
	Path folder;

	AbstractSqlUpgradeContractTests(TestDatabase database, String databaseName) {
		this.database = database;
		this.databaseName = databaseName;
	}

	/**
	 * The hard cases of this database beyond the common ones. In the SQL, {@code T}
	 * stands for the test's data table, which has one column {@code v}.
	 */
	abstract Stream<SplitCase> databaseCases();

	/**
	 * What to drop after each test beside the data table, {@code T_} standing for the
	 * data table's name followed by an underscore.
	 * @return the statements
	 */
	List<String> cleanUpStatements() {
		return List.of();
	}

	Stream<SplitCase> cases() {
		return Stream.concat(Stream.of(new SplitCase("semicolons in string literals",
				"INSERT INTO T (v) VALUES ('a;b');\nINSERT INTO T (v) VALUES ('it''s; fine')", 2, "a;b", "it's; fine"),
				new SplitCase("semicolons in line comments",
						"-- before; the statement\nINSERT INTO T (v) VALUES ('c1'); -- after; it\n"
								+ "INSERT INTO T (v) VALUES ('c2');\n-- last; line",
						2, "c1", "c2"),
				new SplitCase("semicolons in block comments",
						"/* one; two\n three; */ INSERT INTO T (v) VALUES ('b1');\n"
								+ "INSERT /* in; side */ INTO T (v) VALUES ('b2');",
						2, "b1", "b2"),
				new SplitCase("a last statement without a delimiter and empty statements",
						"INSERT INTO T (v) VALUES ('x1');;\n\n;INSERT INTO T (v) VALUES ('x2')", 2, "x1", "x2")),
				databaseCases());
	}

	@BeforeEach
	void prepare() throws IOException {
		this.files = Files.createTempDirectory(this.folder, "sql");
		this.dataSource = this.database.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.dialect = DatabaseDialect.detect(this.dataSource);
		this.table = TestDatabase.uniqueName("ulog");
		this.data = TestDatabase.uniqueName("usql");
		this.jdbc.execute("CREATE TABLE " + this.data + " (v VARCHAR(200))");
	}

	@AfterEach
	void cleanUp() {
		cleanUpStatements().forEach((statement) -> this.jdbc.execute(statement.replace("T_", this.data + "_")));
		TestDatabase.dropTables(this.dataSource, this.data, this.data + "_j");
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void splitsAndRuns(SplitCase splitCase) throws IOException {
		file("s_2026_01_01_case.sql", "-- info: " + splitCase.name() + "\n" + splitCase.sql(this.data));
		List<Upgrade> upgrades = reader().read(List.of(location()));

		assertThat(((SqlUpgrade) upgrades.get(0)).statements()).hasSize(splitCase.statements());
		engine(upgrades).run(RunOptions.unattended());
		assertThat(rows()).containsExactlyInAnyOrder(splitCase.rows());
	}

	@Test
	void sqlAndJavaUpgradesDependOnEachOtherInOneGraph() throws IOException {
		String javaTable = this.data + "_j";
		file("m_2026_01_02_fill.sql", """
				-- depends-on: m_2026_01_01_create
				-- info: Fill the Java upgrade's table
				-- estimate: 3s
				INSERT INTO %1$s (v) VALUES ('from sql');
				""".formatted(javaTable));
		file("later/m_2026_01_04_variant.sql", """
				-- depends-on: m_2026_01_03_copy
				-- info: Replaced by this database's variant
				SELECT * FROM no_such_table_at_all;
				""");
		file("later/m_2026_01_04_variant." + this.databaseName + ".sql", """
				-- depends-on: m_2026_01_03_copy
				-- info: This database's variant
				INSERT INTO %1$s (v) VALUES ('variant of %2$s');
				""".formatted(this.data, this.databaseName));
		List<Upgrade> upgrades = new ArrayList<>(reader().read(List.of(location())));
		upgrades.add(TestUpgrade.of("m_2026_01_01_create")
			.doing((context) -> context.jdbc().execute("CREATE TABLE " + javaTable + " (v VARCHAR(200))")));
		upgrades.add(TestUpgrade.of("m_2026_01_03_copy", "m_2026_01_02_fill")
			.doing((context) -> context.jdbc().update("INSERT INTO " + this.data + " (v) SELECT v FROM " + javaTable)));
		UpgradeEngine engine = engine(upgrades);

		List<PendingUpgrade> pending = engine.pending();
		assertThat(pending).extracting(PendingUpgrade::id)
			.containsExactly("m_2026_01_01_create", "m_2026_01_02_fill", "m_2026_01_03_copy", "m_2026_01_04_variant");
		assertThat(pending.get(1).estimate()).isEqualTo(Duration.ofSeconds(3));
		assertThat(engine.run(RunOptions.unattended()).applied()).hasSize(4);

		assertThat(rows()).containsExactlyInAnyOrder("from sql", "variant of " + this.databaseName);
		assertThat(engine.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::info)
			.contains(tuple("m_2026_01_04_variant", "This database's variant"));
		assertThat(engine.pending()).isEmpty();
	}

	@Test
	void aFailingStatementNamesTheFileTheStatementAndItsFirstLineAndRollsBack() throws IOException {
		file("f_2026_01_01_fails.sql", """
				-- info: Fails at its second statement
				INSERT INTO %1$s (v) VALUES ('kept only if the transaction commits');

				INSERT INTO no_such_table_%2$s
				  (v) VALUES ('never');
				""".formatted(this.data, this.databaseName));
		UpgradeEngine engine = engine(reader().read(List.of(location())));

		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageContaining("Upgrade f_2026_01_01_fails failed: SQL file " + location()
					+ "/f_2026_01_01_fails.sql: statement 2 (line 4) failed: INSERT INTO no_such_table_"
					+ this.databaseName + ": ");
		assertThat(rows()).isEmpty();
		assertThat(engine.applied()).isEmpty();
	}

	@Test
	void aChangedAppliedSqlFileIsReportedByCheckWithTheChecksumsOfItsTexts() throws IOException {
		file("c_2026_01_01_seed.sql", """
				-- info: Seed the table
				INSERT INTO %1$s (v) VALUES ('seed');
				""".formatted(this.data));
		List<Upgrade> applied = reader().read(List.of(location()));
		String recorded = applied.get(0).checksum();
		engine(applied).run(RunOptions.unattended());
		assertThat(engine(applied).applied()).extracting(AppliedUpgrade::checksum).containsExactly(recorded);
		assertThat(engine(applied).check().problems()).isEmpty();

		file("c_2026_01_01_seed.sql", """
				-- info: Seed the table
				INSERT INTO %1$s (v) VALUES ('seed, edited after it ran');
				""".formatted(this.data));
		List<Upgrade> edited = reader().read(List.of(location()));
		String current = edited.get(0).checksum();

		assertThat(recorded).hasSize(64).isNotEqualTo(current);
		assertThat(engine(edited).check().problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.subject()).isEqualTo("c_2026_01_01_seed");
			assertThat(problem.messages()).singleElement()
				.asString()
				.contains("the log recorded checksum " + recorded, "the code now has " + current);
		});
	}

	private SqlUpgradeReader reader() {
		return new SqlUpgradeReader(new PathMatchingResourcePatternResolver(), this.databaseName);
	}

	private String location() {
		return this.files.toUri().toString().replaceAll("/$", "");
	}

	private void file(String name, String content) throws IOException {
		Path file = this.files.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private UpgradeEngine engine(List<Upgrade> upgrades) {
		return new UpgradeEngine(this.dataSource, this.dialect, () -> upgrades,
				new JdbcUpgradeLog(new JdbcTemplate(this.dataSource), this.table, this.dialect),
				this.dialect.lock(this.dataSource, this.table, Duration.ofSeconds(5)), List.of());
	}

	private List<String> rows() {
		return this.jdbc.queryForList("SELECT v FROM " + this.data, String.class);
	}

	/**
	 * One hard case of the splitter.
	 *
	 * @param name what it shows
	 * @param sql the file's statements, {@code T} standing for the data table
	 * @param statements how many statements the file has
	 * @param rows the values the statements insert into the data table
	 */
	record SplitCase(String name, String sql, int statements, String... rows) {

		String sql(String table) {
			return this.sql.replace(" T ", " " + table + " ").replace("T_", table + "_");
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
