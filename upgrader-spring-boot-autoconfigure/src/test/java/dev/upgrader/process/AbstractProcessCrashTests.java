package dev.upgrader.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.testsupport.TableQueries;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL in the middle of an upgrade: the database ends its
 * session, which frees the lock and rolls back the upgrade's transaction, so the next
 * start retries the upgrade without manual intervention. The test JVM opens the database
 * first, so on H2 it is the {@code AUTO_SERVER} server and the killed process only a
 * client (the killed server case is {@link H2ProcessCrashTests}).
 */
abstract class AbstractProcessCrashTests {

	static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(2);

	static final Duration EXIT_TIMEOUT = Duration.ofMinutes(2);

	private final TestDatabase database;

	@TempDir
	Path directory;

	private TestDatabase.Connection connection;

	private HikariDataSource dataSource;

	private JdbcTemplate jdbc;

	private String table;

	private String executions;

	private String half;

	AbstractProcessCrashTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void prepare() {
		this.connection = ProcessDatabase.connection(this.database, this.directory);
		this.dataSource = ProcessDatabase.dataSource(this.connection);
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.table = TestDatabase.uniqueName("ucrash");
		this.executions = TestDatabase.uniqueName("uexec");
		this.half = TestDatabase.uniqueName("uhalf");
		this.jdbc.execute(
				"CREATE TABLE " + this.executions + " (upgrade VARCHAR(100) NOT NULL, instance VARCHAR(20) NOT NULL)");
	}

	@AfterEach
	void cleanUp() {
		TestDatabase.dropTables(this.dataSource, this.executions, this.half);
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	@Test
	void processKilledInTheMiddleOfAnUpgradeLeavesItUnrecordedAndTheNextStartRetriesIt() throws Exception {
		killHalfWay("victim");
		assertThat(logRows()).containsExactly(CrashApplication.FIRST);
		assertThat(executionCounts()).isEqualTo(Map.of(CrashApplication.FIRST, 1));
		if (DatabaseDialect.detect(this.dataSource).transactionalDdl()) {
			assertThat(TableQueries.rowsOrNullIfMissing(this.jdbc, this.half)).as("table created by the killed upgrade")
				.isNull();
		}
		else {
			// DDL commits implicitly here: the table stays, its row was rolled back with
			// the session.
			assertThat(TableQueries.rowsOrNullIfMissing(this.jdbc, this.half))
				.as("rows of the table created by the killed upgrade")
				.isZero();
		}
		start("next", Map.of()).awaitCleanExit(EXIT_TIMEOUT);
		assertFullyAppliedOnce();
	}

	@Test
	void processWaitingForTheLockTakesOverWhenTheHolderIsKilled() throws Exception {
		AppProcess victim = startHalfWay("victim");
		Files.createFile(this.directory.resolve("go"));
		AppProcess waiter = start("waiter",
				Map.of("race.directory", this.directory.toString(), "race.instance", "waiter"));
		waiter.awaitFile(this.directory.resolve("ready-waiter"), PROGRESS_TIMEOUT);
		// Gives the waiter time to reach the lock, which the victim holds while it
		// sleeps.
		Thread.sleep(1000);
		assertThat(waiter.isAlive()).isTrue();
		victim.kill();
		waiter.awaitCleanExit(EXIT_TIMEOUT);
		assertFullyAppliedOnce();
	}

	void killHalfWay(String name) throws Exception {
		startHalfWay(name).kill();
	}

	private AppProcess startHalfWay(String name) throws Exception {
		Path progress = this.directory.resolve(name + ".progress");
		AppProcess process = start(name, Map.of("crash.progress", progress.toString(), "crash.sleep-ms", "600000"));
		process.awaitFile(progress, PROGRESS_TIMEOUT);
		return process;
	}

	AppProcess start(String name, Map<String, String> extra) throws Exception {
		Map<String, String> properties = new HashMap<>(ProcessDatabase.properties(this.connection));
		properties.put("upgrader.table", this.table);
		// Short: a lock left held by the killed process would fail the next start
		// quickly.
		properties.put("upgrader.lock.wait-timeout", "60s");
		properties.put("crash.executions", this.executions);
		properties.put("crash.table", this.half);
		properties.putAll(extra);
		return AppProcess.start(name, CrashApplication.class, properties, this.directory);
	}

	/**
	 * Closes the test's own connections, so that on H2 the next process to open the
	 * database becomes its server.
	 */
	void closeTestConnections() {
		this.dataSource.close();
	}

	/** Opens the test's connections again after {@link #closeTestConnections()}. */
	void reopenTestConnections() {
		this.dataSource = ProcessDatabase.dataSource(this.connection);
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	Path directory() {
		return this.directory;
	}

	void assertFullyAppliedOnce() {
		assertThat(logRows()).containsExactlyInAnyOrder(CrashApplication.FIRST, CrashApplication.SLOW,
				CrashApplication.AFTER);
		assertThat(executionCounts())
			.isEqualTo(Map.of(CrashApplication.FIRST, 1, CrashApplication.SLOW, 1, CrashApplication.AFTER, 1));
		assertThat(TableQueries.rowsOrNullIfMissing(this.jdbc, this.half)).isOne();
	}

	Map<String, Integer> executionCounts() {
		return TableQueries.executionCounts(this.jdbc, this.executions);
	}

	List<String> logRows() {
		try {
			return this.jdbc.queryForList("SELECT upgrade FROM " + this.table, String.class);
		}
		catch (BadSqlGrammarException ex) {
			// No log table yet: nothing was recorded.
			return List.of();
		}
	}

}
