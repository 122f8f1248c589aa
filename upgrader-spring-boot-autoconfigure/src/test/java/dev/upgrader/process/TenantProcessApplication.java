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
 * The multi-tenant application of {@code *TenantProcessTests}: two upgrades per tenant,
 * each recording its execution in a table of the default schema
 * ({@code tenants.executions}, qualified). With {@code tenants.stall-on} the second
 * upgrade of that tenant writes {@code tenants.progress} and sleeps, for the test to kill
 * the process there.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TenantProcessApplication {

	static final String FIRST = "tenant_2026_01_01_create_notes";

	static final String SECOND = "tenant_2026_01_02_add_note";

	public static void main(String[] args) {
		ProcessMain.run(TenantProcessApplication.class, args);
	}

	@Bean
	@ConditionalOnProperty("race.directory")
	StartBarrier tenantStartBarrier(Environment environment) {
		return new StartBarrier(Path.of(environment.getRequiredProperty("race.directory")),
				environment.getRequiredProperty("race.instance"),
				environment.getProperty("race.barrier-timeout", Duration.class, Duration.ofMinutes(3)));
	}

	@Bean
	Upgrade tenantCreateNotes(Environment environment) {
		String executions = environment.getRequiredProperty("tenants.executions");
		return TestUpgrade.of(FIRST).doing((context) -> {
			context.jdbc().execute("CREATE TABLE notes (tenant VARCHAR(100) NOT NULL)");
			executed(context.jdbc(), executions, context.tenant(), FIRST);
		});
	}

	@Bean
	Upgrade tenantAddNote(Environment environment) {
		String executions = environment.getRequiredProperty("tenants.executions");
		String stallOn = environment.getProperty("tenants.stall-on", "");
		String progress = environment.getProperty("tenants.progress", "");
		return TestUpgrade.of(SECOND, FIRST).doing((context) -> {
			context.jdbc().update("INSERT INTO notes (tenant) VALUES (?)", context.tenant());
			executed(context.jdbc(), executions, context.tenant(), SECOND);
			if (stallOn.equals(context.tenant())) {
				Files.writeString(Path.of(progress), "stalled");
				Thread.sleep(600_000);
			}
		});
	}

	private static void executed(JdbcTemplate jdbc, String executions, String tenant, String id) {
		jdbc.update("INSERT INTO " + executions + " (tenant, upgrade, instance) VALUES (?, ?, ?)", tenant, id,
				String.valueOf(ProcessHandle.current().pid()));
	}

}
