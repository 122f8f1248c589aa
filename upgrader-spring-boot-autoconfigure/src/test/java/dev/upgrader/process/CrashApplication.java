package dev.upgrader.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.upgrader.Upgrade;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application that {@code *ProcessCrashTests} kill in the middle of an upgrade. Three
 * chained upgrades each insert a row into the executions table
 * ({@code crash.executions}); the middle one first creates a table ({@code crash.table},
 * DDL) and inserts a row into it, then, when {@code crash.progress} is set, writes that
 * file (the test's signal that the upgrade is half done) and sleeps
 * {@code crash.sleep-ms}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class CrashApplication {

	static final String FIRST = "crash_2026_01_01_first";

	static final String SLOW = "crash_2026_01_02_slow";

	static final String AFTER = "crash_2026_01_03_after";

	public static void main(String[] args) {
		ProcessMain.run(CrashApplication.class, args);
	}

	@Bean
	@ConditionalOnProperty("race.directory")
	StartBarrier crashStartBarrier(Environment environment) {
		return new StartBarrier(Path.of(environment.getRequiredProperty("race.directory")),
				environment.getRequiredProperty("race.instance"), Duration.ofMinutes(3));
	}

	@Bean
	Upgrade crashFirst(Environment environment) {
		String executions = environment.getRequiredProperty("crash.executions");
		return TestUpgrade.of(FIRST).doing((context) -> executed(context.jdbc(), executions, FIRST));
	}

	@Bean
	Upgrade crashSlow(Environment environment) {
		String executions = environment.getRequiredProperty("crash.executions");
		String table = environment.getRequiredProperty("crash.table");
		String progress = environment.getProperty("crash.progress");
		long sleep = environment.getProperty("crash.sleep-ms", Long.class, 0L);
		return TestUpgrade.of(SLOW, FIRST).doing((context) -> {
			// IF NOT EXISTS: where DDL commits implicitly, a killed attempt leaves the
			// table behind.
			context.jdbc().execute("CREATE TABLE IF NOT EXISTS " + table + " (note VARCHAR(20) NOT NULL)");
			context.jdbc().update("INSERT INTO " + table + " (note) VALUES ('half')");
			executed(context.jdbc(), executions, SLOW);
			if (progress != null) {
				Files.writeString(Path.of(progress), "half done");
			}
			Thread.sleep(sleep);
		});
	}

	@Bean
	Upgrade crashAfter(Environment environment) {
		String executions = environment.getRequiredProperty("crash.executions");
		return TestUpgrade.of(AFTER, SLOW).doing((context) -> executed(context.jdbc(), executions, AFTER));
	}

	private static void executed(JdbcTemplate jdbc, String executions, String id) {
		jdbc.update("INSERT INTO " + executions + " (upgrade, instance) VALUES (?, ?)", id,
				String.valueOf(ProcessHandle.current().pid()));
	}

}
