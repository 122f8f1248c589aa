package dev.upgrader.autoconfigure;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderDataSource;
import dev.upgrader.testsupport.TableQueries;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Whole applications with two DataSources: the upgrades, their log and
 * {@code ctx.dataSource()} land on the chosen one, and an application that chose none
 * does not start.
 */
@ExtendWith(OutputCaptureExtension.class)
class SeveralDataSourcesApplicationTests {

	private static SpringApplicationBuilder application(Class<?> configuration) {
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "upgrader.packages=dev.upgrader.autoconfigure.none",
					TestApplications.WITHOUT_SHELL);
	}

	@Test
	void upgradesRunOnThePrimaryDataSource() {
		try (ConfigurableApplicationContext context = application(PrimaryApplication.class).run()) {
			assertUpgradedOnlyIn(context, "primary", "other");
		}
	}

	@Test
	void upgradesRunOnTheDataSourceMarkedUpgraderDataSourceNotOnThePrimary() {
		try (ConfigurableApplicationContext context = application(QualifiedApplication.class).run()) {
			assertUpgradedOnlyIn(context, "upgrades", "primary");
			DataSource applications = context.getBean(JdbcTemplate.class).getDataSource();
			assertThat(applications).isSameAs(context.getBean("primary"));
		}
	}

	@Test
	void severalDataSourcesWithNoneChosenStopTheStartWithAFailureAnalysis(CapturedOutput output) {
		assertThatException().isThrownBy(() -> application(UnchosenApplication.class).run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Upgrader cannot choose the DataSource to run the upgrades on: the application has 2"
					+ " DataSource beans (first, second), none of them primary or marked @UpgraderDataSource, and"
					+ " upgrader.url is not set.")
			.contains("annotate its bean (or @Bean method) with @UpgraderDataSource (package dev.upgrader)")
			.contains("set upgrader.url (with upgrader.user and upgrader.password)");
	}

	private static void assertUpgradedOnlyIn(ConfigurableApplicationContext context, String chosen, String other) {
		JdbcTemplate upgraded = new JdbcTemplate(context.getBean(chosen, DataSource.class));
		assertThat(TableQueries.rowsOrNullIfMissing(upgraded, "upgrader_log")).isEqualTo(1);
		assertThat(TableQueries.rowsOrNullIfMissing(upgraded, "items_via_jdbc")).isZero();
		assertThat(TableQueries.rowsOrNullIfMissing(upgraded, "items_via_data_source")).isZero();
		JdbcTemplate untouched = new JdbcTemplate(context.getBean(other, DataSource.class));
		assertThat(TableQueries.rowsOrNullIfMissing(untouched, "upgrader_log")).isNull();
		assertThat(TableQueries.rowsOrNullIfMissing(untouched, "items_via_jdbc")).isNull();
		assertThat(TableQueries.rowsOrNullIfMissing(untouched, "items_via_data_source")).isNull();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Upgrades {

		@Bean
		Upgrade createItems() {
			return TestUpgrade.of("app_2026_01_01_create_items").doing((upgrade) -> {
				upgrade.jdbc().execute("CREATE TABLE items_via_jdbc (id INT PRIMARY KEY)");
				new JdbcTemplate(upgrade.dataSource())
					.execute("CREATE TABLE items_via_data_source (id INT PRIMARY KEY)");
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(Upgrades.class)
	static class PrimaryApplication {

		@Bean
		@Primary
		HikariDataSource primary() {
			return TestDatabase.H2.dataSource();
		}

		@Bean
		HikariDataSource other() {
			return TestDatabase.H2.dataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(Upgrades.class)
	static class QualifiedApplication {

		@Bean
		@Primary
		HikariDataSource primary() {
			return TestDatabase.H2.dataSource();
		}

		@Bean
		@UpgraderDataSource
		HikariDataSource upgrades() {
			return TestDatabase.H2.dataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(Upgrades.class)
	static class UnchosenApplication {

		@Bean
		HikariDataSource first() {
			return TestDatabase.H2.dataSource();
		}

		@Bean
		HikariDataSource second() {
			return TestDatabase.H2.dataSource();
		}

	}

}
