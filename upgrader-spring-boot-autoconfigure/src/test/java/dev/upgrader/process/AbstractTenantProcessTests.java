package dev.upgrader.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Many tenants upgraded by separate application processes: four starting together share
 * the tenants and apply every upgrade exactly once per tenant; a process killed with
 * SIGKILL in the middle of a run leaves the rest to the next start, with no manual step.
 * The tenants' schemas (MariaDB: databases) are created by the applications and dropped
 * after each test.
 */
abstract class AbstractTenantProcessTests {

	private static final int INSTANCES = 4;

	private static final java.time.Duration TIMEOUT = java.time.Duration.ofMinutes(4);

	private final TestDatabase database;

	private final int tenantCount;

	@TempDir
	Path directory;

	private TestDatabase.Connection connection;

	private HikariDataSource dataSource;

	private JdbcTemplate jdbc;

	private final List<String> schemas = new ArrayList<>();

	private final String table = TestDatabase.uniqueName("ulog");

	private String executions;

	AbstractTenantProcessTests(TestDatabase database, int tenantCount) {
		this.database = database;
		this.tenantCount = tenantCount;
	}

	@BeforeEach
	void prepare() {
		this.connection = this.database.connection();
		this.dataSource = ProcessDatabase.dataSource(this.connection);
		this.jdbc = new JdbcTemplate(this.dataSource);
		String home = this.jdbc.execute((java.sql.Connection connection) -> (this.database == TestDatabase.MARIADB)
				? connection.getCatalog() : connection.getSchema());
		this.executions = home + "." + TestDatabase.uniqueName("uexec");
		this.jdbc.execute("CREATE TABLE " + this.executions
				+ " (tenant VARCHAR(100) NOT NULL, upgrade VARCHAR(100) NOT NULL, instance VARCHAR(20) NOT NULL)");
		for (int i = 0; i < this.tenantCount; i++) {
			this.schemas.add(TestDatabase.uniqueName("uten"));
		}
	}

	@AfterEach
	void cleanUp() {
		this.database.dropSchemas(this.dataSource, this.schemas);
		this.jdbc.execute("DROP TABLE IF EXISTS " + this.executions);
		this.dataSource.close();
	}

	@Test
	void processesStartingTogetherUpgradeEveryTenantExactlyOnce() throws Exception {
		List<AppProcess> processes = new ArrayList<>();
		for (int i = 1; i <= INSTANCES; i++) {
			processes.add(start("instance-" + i,
					Map.of("race.directory", this.directory.toString(), "race.instance", "instance-" + i)));
		}
		awaitReady(processes);
		Files.createFile(this.directory.resolve("go"));
		for (AppProcess process : processes) {
			process.awaitCleanExit(TIMEOUT);
		}
		assertEveryTenantUpgradedOnce();
		Integer instances = this.jdbc.queryForObject("SELECT COUNT(DISTINCT instance) FROM " + this.executions,
				Integer.class);
		System.out.println(this.database + ": " + this.tenantCount + " tenants upgraded by " + instances + " of "
				+ INSTANCES + " processes");
	}

	@Test
	void aProcessKilledInTheMiddleOfAMultiTenantRunLeavesTheRestToTheNextStart() throws Exception {
		String stalled = this.schemas.get(this.tenantCount / 2);
		Path progress = this.directory.resolve("victim.progress");
		AppProcess victim = start("victim", Map.of("tenants.stall-on", stalled, "tenants.progress", progress.toString(),
				"upgrader.tenants.parallelism", "1"));
		victim.awaitFile(progress, TIMEOUT);
		victim.kill();
		assertThat(executionsOf(stalled)).as("the killed upgrade's row rolled back with its session")
			.containsExactly(TenantProcessApplication.FIRST);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.executions, Integer.class))
			.as("tenants done before the kill")
			.isLessThan(2 * this.tenantCount);

		start("next", Map.of()).awaitCleanExit(TIMEOUT);

		assertEveryTenantUpgradedOnce();
	}

	private AppProcess start(String name, Map<String, String> extra) throws Exception {
		Map<String, String> properties = new HashMap<>(ProcessDatabase.properties(this.connection));
		properties.put("spring.datasource.hikari.maximum-pool-size", "8");
		properties.put("upgrader.table", this.table);
		properties.put("upgrader.tenants.schemas", String.join(",", this.schemas));
		properties.put("upgrader.lock.wait-timeout", "60s");
		properties.put("tenants.executions", this.executions);
		properties.putAll(extra);
		return AppProcess.start(name, TenantProcessApplication.class, properties, this.directory);
	}

	private void awaitReady(List<AppProcess> processes) throws Exception {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (readyCount() < processes.size()) {
			for (AppProcess process : processes) {
				if (!process.isAlive()) {
					fail(process.name() + " ended before the start barrier\n" + process.outputTail());
				}
			}
			if (System.nanoTime() > deadline) {
				fail("Only " + readyCount() + " of " + processes.size() + " processes started within " + TIMEOUT);
			}
			Thread.sleep(20);
		}
	}

	private long readyCount() throws Exception {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("ready-")).count();
		}
	}

	private List<String> executionsOf(String tenant) {
		return this.jdbc.queryForList("SELECT upgrade FROM " + this.executions + " WHERE tenant = ? ORDER BY upgrade",
				String.class, tenant);
	}

	private void assertEveryTenantUpgradedOnce() {
		for (String schema : this.schemas) {
			assertThat(executionsOf(schema)).as(schema)
				.containsExactly(TenantProcessApplication.FIRST, TenantProcessApplication.SECOND);
			assertThat(this.jdbc.queryForList("SELECT upgrade FROM " + schema + "." + this.table, String.class))
				.containsExactlyInAnyOrder(TenantProcessApplication.FIRST, TenantProcessApplication.SECOND);
			assertThat(this.jdbc.queryForList("SELECT tenant FROM " + schema + ".notes", String.class))
				.containsExactly(schema);
		}
	}

}
