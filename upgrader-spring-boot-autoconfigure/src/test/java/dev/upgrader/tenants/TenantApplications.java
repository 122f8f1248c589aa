package dev.upgrader.tenants;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.upgrader.Upgrade;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A multi-tenant application's upgrades: a table per tenant, then a row naming the
 * tenant; the second fails on the tenant named by {@code tenants.fail-on} while
 * {@link #FAIL} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TenantApplications {

	static final String FIRST = "saas_2026_01_01_create_notes";

	static final String SECOND = "saas_2026_01_02_add_note";

	static final AtomicBoolean FAIL = new AtomicBoolean();

	@Bean
	Upgrade createNotes() {
		return TestUpgrade.of(FIRST)
			.doing((context) -> context.jdbc().execute("CREATE TABLE notes (tenant VARCHAR(100) NOT NULL)"));
	}

	@Bean
	Upgrade addNote(Environment environment) {
		String failOn = environment.getProperty("tenants.fail-on", "");
		return TestUpgrade.of(SECOND, FIRST).doing((context) -> {
			if (FAIL.get() && failOn.equals(context.tenant())) {
				throw new IllegalStateException("boom in " + context.tenant());
			}
			context.jdbc().update("INSERT INTO notes (tenant) VALUES (?)", context.tenant());
		});
	}

}
