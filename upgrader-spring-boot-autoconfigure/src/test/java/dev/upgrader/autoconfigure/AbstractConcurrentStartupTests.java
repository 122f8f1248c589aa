package dev.upgrader.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.upgrader.Upgrade;
import dev.upgrader.testsupport.CpuLoad;
import dev.upgrader.testsupport.RaceTally;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight Spring applications start at once against one empty database: every one of them
 * starts, and every upgrade is executed exactly once (each execution inserts a row). Each
 * trial uses its own log and executions tables. The number of trials is
 * {@code upgrader.race.trials} (1 by default; the {@code soak} Maven profile runs more,
 * with every core kept busy by {@link CpuLoad}).
 */
@ExtendWith(CpuLoad.class)
abstract class AbstractConcurrentStartupTests {

	private static final int INSTANCES = 8;

	/**
	 * For all eight contexts together: on a 2-core machine under a load average above 40
	 * they took more than two minutes, without any lock failure.
	 */
	private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

	private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

	private final TestDatabase database;

	private TestDatabase.Connection connection;

	private HikariDataSource dataSource;

	private String table;

	private String executions;

	AbstractConcurrentStartupTests(TestDatabase database) {
		this.database = database;
	}

	@AfterAll
	static void printTally() {
		RaceTally.report();
	}

	@TestFactory
	Stream<DynamicTest> instancesStartingTogetherApplyEachUpgradeExactlyOnce() {
		int trials = Integer.getInteger("upgrader.race.trials", 1);
		return IntStream.rangeClosed(1, trials)
			.mapToObj((trial) -> DynamicTest.dynamicTest("trial " + trial + " of " + trials, this::tallied));
	}

	private void tallied() throws Exception {
		String race = this.database.name() + " " + INSTANCES + " contexts";
		boolean passed = false;
		prepare();
		try {
			trial(race);
			passed = true;
		}
		finally {
			RaceTally.trialEnded(race, passed);
			cleanUp();
		}
	}

	private void prepare() {
		// Boot's logging system is JVM-wide: eight applications initializing it at once
		// race.
		System.setProperty(LOGGING_SYSTEM, "none");
		this.connection = this.database.connection();
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(this.connection.url());
		this.dataSource.setUsername(this.connection.user());
		this.dataSource.setPassword(this.connection.password());
		this.table = TestDatabase.uniqueName("urace");
		this.executions = TestDatabase.uniqueName("uexec");
		new JdbcTemplate(this.dataSource)
			.execute("CREATE TABLE " + this.executions + " (upgrade VARCHAR(100) NOT NULL)");
	}

	private void cleanUp() {
		System.clearProperty(LOGGING_SYSTEM);
		TestDatabase.dropTables(this.dataSource, this.executions);
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	private void trial(String race) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ConfigurableApplicationContext>> instances = new ArrayList<>();
		for (int i = 0; i < INSTANCES; i++) {
			instances.add(executor.submit(() -> {
				start.await();
				return new SpringApplicationBuilder(RaceApplication.class).web(WebApplicationType.NONE)
					.properties(this.connection.properties())
					.properties("spring.datasource.hikari.maximum-pool-size=3", "spring.main.banner-mode=off",
							"upgrader.table=" + this.table, "race.executions=" + this.executions,
							"upgrader.packages=dev.upgrader.autoconfigure.none", TestApplications.WITHOUT_SHELL)
					.run();
			}));
		}
		start.countDown();
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		try {
			for (Future<ConfigurableApplicationContext> instance : instances) {
				ConfigurableApplicationContext context = instance.get(Math.max(0, deadline - System.nanoTime()),
						TimeUnit.NANOSECONDS);
				assertThat(context.isActive()).isTrue();
				started.add(context);
			}
		}
		finally {
			started.forEach(ConfigurableApplicationContext::close);
			executor.shutdownNow();
		}
		assertThat(started).hasSize(INSTANCES);
		List<Map<String, Object>> counts = new JdbcTemplate(this.dataSource)
			.queryForList("SELECT upgrade, COUNT(*) AS executions FROM " + this.executions
					+ " GROUP BY upgrade ORDER BY upgrade");
		RaceTally.record(race, INSTANCES,
				counts.stream()
					.collect(Collectors.toMap((row) -> (String) row.get("upgrade"),
							(row) -> ((Number) row.values().toArray()[1]).intValue())));
		assertThat(counts)
			.extracting((row) -> row.get("upgrade") + "=" + ((Number) row.values().toArray()[1]).intValue())
			.containsExactly("race_2026_01_01_first=1", "race_2026_01_02_second=1", "race_2026_01_03_third=1");
		assertThat(
				new JdbcTemplate(this.dataSource).queryForObject("SELECT COUNT(*) FROM " + this.table, Integer.class))
			.isEqualTo(3);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class RaceApplication {

		@Bean
		Upgrade raceFirst(Environment environment) {
			return counted("race_2026_01_01_first", environment);
		}

		@Bean
		Upgrade raceSecond(Environment environment) {
			return counted("race_2026_01_02_second", environment, "race_2026_01_01_first");
		}

		@Bean
		Upgrade raceThird(Environment environment) {
			return counted("race_2026_01_03_third", environment, "race_2026_01_02_second");
		}

		private static Upgrade counted(String id, Environment environment, String... dependsOn) {
			String executions = environment.getRequiredProperty("race.executions");
			return TestUpgrade.of(id, dependsOn).doing((context) -> {
				// Widens the window in which an unguarded second instance would run it
				// too.
				Thread.sleep(100);
				context.jdbc().update("INSERT INTO " + executions + " (upgrade) VALUES (?)", id);
			});
		}

	}

}
