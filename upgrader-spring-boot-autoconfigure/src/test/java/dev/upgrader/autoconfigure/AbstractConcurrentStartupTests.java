package dev.upgrader.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.Upgrade;
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
 * starts, and every upgrade is executed exactly once (each execution inserts a row).
 */
abstract class AbstractConcurrentStartupTests {

	private static final int INSTANCES = 8;

	private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

	private final TestDatabase database;

	private TestDatabase.Connection connection;

	private HikariDataSource dataSource;

	private String table;

	private String executions;

	AbstractConcurrentStartupTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void prepare() {
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

	@AfterEach
	void cleanUp() {
		System.clearProperty(LOGGING_SYSTEM);
		TestDatabase.dropTables(this.dataSource, this.executions);
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	@Test
	void instancesStartingTogetherApplyEachUpgradeExactlyOnce() throws Exception {
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
		try {
			for (Future<ConfigurableApplicationContext> instance : instances) {
				ConfigurableApplicationContext context = instance.get(120, TimeUnit.SECONDS);
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
