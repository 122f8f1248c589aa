package dev.upgrader.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.upgrader.testsupport.CpuLoad;
import dev.upgrader.testsupport.RaceTally;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Ten instances of {@link RaceApplication}, each a separate JVM, start at once against an
 * empty database: every process starts and exits 0, and every upgrade is executed exactly
 * once. Each trial uses its own log and executions tables. The number of trials is
 * {@code upgrader.race.trials} (1 by default, to keep CI short; the {@code soak} Maven
 * profile runs more, with every core kept busy by {@link CpuLoad}).
 */
@ExtendWith(CpuLoad.class)
abstract class AbstractProcessRaceTests {

	static final int INSTANCES = 10;

	/**
	 * How long the processes may take to start, and then to finish:
	 * {@code upgrader.race.timeout} (2 minutes by default), for loaded machines.
	 */
	private static final Duration START_TIMEOUT = Duration.parse(System.getProperty("upgrader.race.timeout", "PT2M"));

	private static final Duration EXIT_TIMEOUT = START_TIMEOUT;

	private final TestDatabase database;

	@TempDir
	Path temp;

	AbstractProcessRaceTests(TestDatabase database) {
		this.database = database;
	}

	/** Adds settings of a subclass's applications. */
	void configure(Map<String, String> properties) {
	}

	@AfterAll
	static void printTally() {
		RaceTally.report();
	}

	@TestFactory
	Stream<DynamicTest> tenProcessesStartingTogetherApplyEachUpgradeExactlyOnce() {
		int trials = Integer.getInteger("upgrader.race.trials", 1);
		return IntStream.rangeClosed(1, trials)
			.mapToObj((trial) -> DynamicTest.dynamicTest("trial " + trial + " of " + trials, () -> tallied(trial)));
	}

	private void tallied(int trial) throws Exception {
		boolean passed = false;
		try {
			trial(trial);
			passed = true;
		}
		finally {
			RaceTally.trialEnded(race(), passed);
		}
	}

	private String race() {
		return this.database.name() + " " + INSTANCES + " JVMs";
	}

	private void trial(int trial) throws Exception {
		Path directory = Files.createDirectory(this.temp.resolve("trial-" + trial));
		TestDatabase.Connection connection = ProcessDatabase.connection(this.database, directory);
		String table = TestDatabase.uniqueName("urace");
		String executions = TestDatabase.uniqueName("uexec");
		try (HikariDataSource dataSource = ProcessDatabase.dataSource(connection)) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.execute(
					"CREATE TABLE " + executions + " (upgrade VARCHAR(100) NOT NULL, instance VARCHAR(20) NOT NULL)");
			try {
				List<AppProcess> processes = startAll(directory, connection, table, executions);
				awaitAllExitedCleanly(processes);
				Map<String, Integer> counts = executionCounts(jdbc, executions);
				RaceTally.record(race(), INSTANCES, counts);
				assertThat(counts).containsExactlyInAnyOrderEntriesOf(
						Map.of(RaceApplication.FIRST, 1, RaceApplication.SECOND, 1, RaceApplication.THIRD, 1));
				// The first instance to take the lock applies the whole plan; the others
				// find nothing pending.
				assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT instance) FROM " + executions, Integer.class))
					.isEqualTo(1);
				assertThat(jdbc.queryForList("SELECT upgrade FROM " + table, String.class))
					.containsExactlyInAnyOrder(RaceApplication.FIRST, RaceApplication.SECOND, RaceApplication.THIRD);
			}
			finally {
				TestDatabase.dropTables(dataSource, executions);
				TestDatabase.dropLogTables(dataSource, table);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

	private List<AppProcess> startAll(Path directory, TestDatabase.Connection connection, String table,
			String executions) throws Exception {
		List<AppProcess> processes = new ArrayList<>();
		for (int i = 1; i <= INSTANCES; i++) {
			Map<String, String> properties = new HashMap<>(ProcessDatabase.properties(connection));
			properties.put("upgrader.table", table);
			properties.put("race.executions", executions);
			properties.put("race.directory", directory.toString());
			properties.put("race.instance", "instance-" + i);
			properties.put("race.barrier-timeout", START_TIMEOUT.plusMinutes(1).toString());
			configure(properties);
			processes.add(AppProcess.start("instance-" + i, RaceApplication.class, properties, directory));
		}
		awaitAllReady(directory, processes);
		Files.createFile(directory.resolve("go"));
		return processes;
	}

	private static void awaitAllReady(Path directory, List<AppProcess> processes) throws Exception {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (readyCount(directory) < processes.size()) {
			for (AppProcess process : processes) {
				if (!process.isAlive()) {
					killAll(processes);
					fail(process.name() + " ended before the start barrier\n" + process.outputTail());
				}
			}
			if (System.nanoTime() > deadline) {
				killAll(processes);
				fail("Only " + readyCount(directory) + " of " + processes.size() + " processes started within "
						+ START_TIMEOUT);
			}
			Thread.sleep(20);
		}
	}

	private static long readyCount(Path directory) throws Exception {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("ready-")).count();
		}
	}

	private static void awaitAllExitedCleanly(List<AppProcess> processes) throws Exception {
		Map<String, Integer> exits = new LinkedHashMap<>();
		StringBuilder failures = new StringBuilder();
		for (AppProcess process : processes) {
			Integer exit = process.awaitExit(EXIT_TIMEOUT);
			exits.put(process.name(), exit);
			if (exit == null || exit != 0) {
				failures.append(process.outputTail()).append('\n');
			}
		}
		assertThat(exits).as("exit codes (null: still running after %s)\n%s", EXIT_TIMEOUT, failures)
			.allSatisfy((name, exit) -> assertThat(exit).isZero());
	}

	private static void killAll(List<AppProcess> processes) throws InterruptedException {
		for (AppProcess process : processes) {
			process.kill();
		}
	}

	private static Map<String, Integer> executionCounts(JdbcTemplate jdbc, String executions) {
		Map<String, Integer> counts = new HashMap<>();
		RowCallbackHandler count = (row) -> counts.put(row.getString(1), row.getInt(2));
		jdbc.query("SELECT upgrade, COUNT(*) FROM " + executions + " GROUP BY upgrade", count);
		return counts;
	}

}
