package dev.upgrader.process;

import java.nio.file.Path;
import java.time.Duration;

import dev.upgrader.Upgrade;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The application that {@code *ProcessRaceTests} start ten times at once, each in its own
 * JVM. Three chained upgrades each insert a row into the executions table
 * ({@code race.executions}), so the test counts how often each really ran.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class RaceApplication {

	static final String FIRST = "race_2026_01_01_first";

	static final String SECOND = "race_2026_01_02_second";

	static final String THIRD = "race_2026_01_03_third";

	public static void main(String[] args) {
		ProcessMain.run(RaceApplication.class, args);
	}

	@Bean
	StartBarrier raceStartBarrier(Environment environment) {
		return new StartBarrier(Path.of(environment.getRequiredProperty("race.directory")),
				environment.getRequiredProperty("race.instance"),
				environment.getProperty("race.barrier-timeout", Duration.class, Duration.ofMinutes(3)));
	}

	@Bean
	Upgrade raceFirst(Environment environment) {
		return counted(FIRST, environment);
	}

	@Bean
	Upgrade raceSecond(Environment environment) {
		return counted(SECOND, environment, FIRST);
	}

	@Bean
	Upgrade raceThird(Environment environment) {
		return counted(THIRD, environment, SECOND);
	}

	private static Upgrade counted(String id, Environment environment, String... dependsOn) {
		String executions = environment.getRequiredProperty("race.executions");
		long sleep = environment.getProperty("race.sleep-ms", Long.class, 150L);
		String instance = environment.getRequiredProperty("race.instance");
		return TestUpgrade.of(id, dependsOn).doing((context) -> {
			// Widens the window in which an unguarded second instance would run it too.
			Thread.sleep(sleep);
			context.jdbc().update("INSERT INTO " + executions + " (upgrade, instance) VALUES (?, ?)", id, instance);
		});
	}

}
