package dev.upgrader.integration.flywayimport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.FlywayImport;
import dev.upgrader.Upgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.integration.flyway.FlywayApplication;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestNamespace;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The move from Flyway as an application makes it: it starts with Flyway beside Upgrader,
 * imports the Flyway history, then ships without Flyway and with an upgrade that depends
 * on the last imported migration. Each test has a database (a schema on PostgreSQL) of
 * its own, as Flyway refuses to start its history in a schema that holds other tables.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractMoveFromFlywayApplicationTests {

	@RegisterExtension
	final TestNamespace namespace;

	AbstractMoveFromFlywayApplicationTests(TestDatabase database) {
		this.namespace = new TestNamespace(database, "fly");
	}

	private SpringApplicationBuilder application(Class<?>... sources) {
		return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.properties(this.namespace.connection().properties())
			.properties("spring.main.banner-mode=off", "spring.liquibase.enabled=false",
					"spring.flyway.locations=classpath:db/flyway-it");
	}

	@Test
	void anApplicationImportsItsFlywayHistoryThenCarriesOnWithoutFlyway(CapturedOutput output) {
		String last;
		try (ConfigurableApplicationContext context = application(FlywayApplication.class).run()) {
			FlywayImport result = context.getBean(Upgrader.class).importFlyway("flyway_schema_history", "authors");
			assertThat(result.imported()).singleElement()
				.asString()
				.matches("authors_\\d{4}_\\d{2}_\\d{2}_v1_create_authors");
			assertThat(result.skipped()).isEmpty();
			last = result.last();
			assertThat(last).isEqualTo(result.imported().get(0));
		}

		try (ConfigurableApplicationContext context = application(FlywayApplication.class, CarryingOn.class)
			.properties("spring.flyway.enabled=false", "test.last-flyway-migration=" + last)
			.run()) {
			Upgrader upgrader = context.getBean(Upgrader.class);
			assertThat(upgrader.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::kind)
				.containsExactly(tuple(last, AppliedUpgrade.Kind.IMPORT),
						tuple("fly_2026_01_01_seed_authors", AppliedUpgrade.Kind.RUN),
						tuple("authors_2026_12_31_second_author", AppliedUpgrade.Kind.RUN));
			assertThat(upgrader.info().ghosts()).isEmpty();
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForList("SELECT name FROM it_author ORDER BY id", String.class))
				.containsExactly("Le Guin", "Butler");
		}
		assertThat(output).doesNotContain("Ghost upgrade");
	}

	/** What the application ships after the move: an upgrade after Flyway's last. */
	@Configuration(proxyBeanMethods = false)
	static class CarryingOn {

		@Bean
		Upgrade secondAuthor(@Value("${test.last-flyway-migration}") String lastFlywayMigration) {
			return TestUpgrade.of("authors_2026_12_31_second_author", lastFlywayMigration)
				.doing((context) -> context.jdbc().update("INSERT INTO it_author (id, name) VALUES (2, 'Butler')"));
		}

	}

}
