package dev.upgrader.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import dev.upgrader.RunOptions;
import dev.upgrader.Upgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderDataSource;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeLock;
import dev.upgrader.engine.UpgradeLog;
import dev.upgrader.testsupport.TableQueries;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which DataSource the upgrades run on, and when the auto-configuration backs off.
 */
class UpgraderDataSourceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				UpgraderAutoConfiguration.class))
		.withPropertyValues("upgrader.packages=dev.upgrader.autoconfigure.none", "upgrader.auto-run=false")
		.withBean(Upgrade.class, () -> TestUpgrade.of("app_2026_01_01_create_items")
			.doing((upgrade) -> upgrade.jdbc().execute("CREATE TABLE items (id INT PRIMARY KEY)")));

	@Test
	void backsOffQuietlyWithoutADataSourceOrUpgraderUrl() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UpgraderAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DataSource.class)
				.doesNotHaveBean(Upgrader.class));
	}

	@Test
	void singleDataSourceIsUsedAsItIs() {
		this.runner.withPropertyValues("spring.datasource.url=" + TestDatabase.H2.connection().url())
			.run((context) -> assertThat(context.getBean(ChosenDataSource.class).get())
				.isSameAs(context.getBean(DataSource.class)));
	}

	@Test
	void primaryDataSourceIsUsedAmongSeveral() {
		this.runner.withUserConfiguration(PrimaryAndOtherDataSources.class).run((context) -> {
			assertThat(context.getBean(ChosenDataSource.class).get()).isSameAs(context.getBean("primary"));
			context.getBean(Upgrader.class).run(RunOptions.unattended());
			assertThat(logRows(context.getBean("primary", DataSource.class))).isOne();
			assertThat(itemRows(context.getBean("primary", DataSource.class))).isZero();
			assertThat(logRows(context.getBean("other", DataSource.class))).isNull();
			assertThat(itemRows(context.getBean("other", DataSource.class))).isNull();
		});
	}

	@Test
	void dataSourceMarkedUpgraderDataSourceWinsOverThePrimary() {
		this.runner.withUserConfiguration(PrimaryAndOtherDataSources.class, QualifiedDataSource.class)
			.run((context) -> {
				assertThat(context.getBean(ChosenDataSource.class).get()).isSameAs(context.getBean("upgrades"));
				context.getBean(Upgrader.class).run(RunOptions.unattended());
				assertThat(logRows(context.getBean("upgrades", DataSource.class))).isOne();
				assertThat(itemRows(context.getBean("upgrades", DataSource.class))).isZero();
				assertThat(logRows(context.getBean("primary", DataSource.class))).isNull();
				assertThat(itemRows(context.getBean("primary", DataSource.class))).isNull();
			});
	}

	@Test
	void upgradesOnlyDataSourceLeavesTheApplicationItsSingleCandidate() {
		this.runner.withPropertyValues("spring.datasource.url=" + TestDatabase.H2.connection().url())
			.withUserConfiguration(UpgradesOnlyDataSource.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcTemplate.class).hasBean("dataSource");
				assertThat(context.getBean(ChosenDataSource.class).get()).isSameAs(context.getBean("upgrades"));
			});
	}

	@Test
	void severalDataSourcesWithNoneChosenFailTheStartNamingThem() {
		this.runner.withUserConfiguration(TwoDataSources.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(UpgraderDataSourceNotChosenException.class)
				.hasMessageContaining("the application has 2 DataSource beans (first, second)")
				.hasMessageContaining("none of them primary or marked @UpgraderDataSource")
				.hasMessageContaining("upgrader.url is not set");
			FailureAnalysis analysis = new UpgraderDataSourceNotChosenFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getAction()).contains("@UpgraderDataSource")
				.contains("upgrader.url")
				.contains("@Primary");
		});
	}

	@Test
	void credentialsAloneWithSeveralDataSourcesFailTheStartSayingWhy() {
		this.runner.withUserConfiguration(TwoDataSources.class)
			.withPropertyValues("upgrader.user=sa")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(UpgraderDataSourceNotChosenException.class)
				.hasMessageContaining("upgrader.user and upgrader.password without upgrader.url take the URL from"
						+ " the application's single DataSource"));
	}

	@Test
	void severalDataSourcesAreNoProblemWhenUpgraderIsDisabled() {
		this.runner.withUserConfiguration(TwoDataSources.class)
			.withPropertyValues("upgrader.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Upgrader.class));
	}

	@Test
	void severalDataSourcesAreNoProblemWhenTheApplicationReplacesEveryBeanThatNeedsOne() {
		this.runner.withUserConfiguration(TwoDataSources.class)
			.withBean(Upgrader.class, () -> mock(Upgrader.class))
			.withBean(DatabaseDialect.class, () -> mock(DatabaseDialect.class))
			.withBean(UpgradeLog.class, () -> mock(UpgradeLog.class))
			.withBean(UpgradeLock.class, () -> mock(UpgradeLock.class))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ChosenDataSource.class));
	}

	@Test
	void upgraderUrlGivesTheUpgradesAConnectionOfTheirOwn() {
		String url = TestDatabase.H2.connection().url();
		this.runner.withUserConfiguration(TwoDataSources.class)
			.withPropertyValues("upgrader.url=" + url, "upgrader.user=sa", "upgrader.password=")
			.run((context) -> {
				DataSource chosen = context.getBean(ChosenDataSource.class).get();
				assertThat(chosen).isInstanceOfSatisfying(SimpleDriverDataSource.class,
						(simple) -> assertThat(simple.getUrl()).isEqualTo(url));
				context.getBean(Upgrader.class).run(RunOptions.unattended());
				assertThat(logRows(chosen)).isOne();
				assertThat(itemRows(chosen)).isZero();
				assertThat(logRows(context.getBean("first", DataSource.class))).isNull();
				assertThat(logRows(context.getBean("second", DataSource.class))).isNull();
			});
	}

	@Test
	void upgraderUrlAloneIsEnoughWithoutAnyDataSource() {
		String url = TestDatabase.H2.connection().url();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UpgraderAutoConfiguration.class))
			.withPropertyValues("upgrader.packages=dev.upgrader.autoconfigure.none", "upgrader.auto-run=false",
					"upgrader.url=" + url, "upgrader.user=sa")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DataSource.class).hasSingleBean(Upgrader.class);
				assertThat(context.getBean(Upgrader.class).pending()).isEmpty();
				assertThat(context.getBean(ChosenDataSource.class).get()).isInstanceOfSatisfying(
						SimpleDriverDataSource.class, (simple) -> assertThat(simple.getUrl()).isEqualTo(url));
			});
	}

	@Test
	void credentialsAloneConnectToTheApplicationsDatabaseAsThatUser() throws SQLException {
		TestDatabase.Connection connection = TestDatabase.H2.connection();
		try (Connection admin = DriverManager.getConnection(connection.url(), connection.user(), connection.password());
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE USER upgrades PASSWORD 'secret' ADMIN");
		}
		this.runner.withPropertyValues(connection.properties())
			.withPropertyValues("upgrader.user=upgrades", "upgrader.password=secret")
			.run((context) -> {
				DataSource chosen = context.getBean(ChosenDataSource.class).get();
				assertThat(chosen).isInstanceOfSatisfying(SimpleDriverDataSource.class,
						(simple) -> assertThat(simple.getUrl()).isEqualTo(connection.url()));
				assertThat(new JdbcTemplate(chosen).queryForObject("SELECT CURRENT_USER", String.class))
					.isEqualToIgnoringCase("upgrades");
				assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT CURRENT_USER", String.class))
					.isEqualToIgnoringCase("sa");
			});
	}

	private static Integer logRows(DataSource dataSource) {
		return TableQueries.rowsOrNullIfMissing(new JdbcTemplate(dataSource), "upgrader_log");
	}

	private static Integer itemRows(DataSource dataSource) {
		return TableQueries.rowsOrNullIfMissing(new JdbcTemplate(dataSource), "items");
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		HikariDataSource first() {
			return TestDatabase.H2.dataSource();
		}

		@Bean
		HikariDataSource second() {
			return TestDatabase.H2.dataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryAndOtherDataSources {

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
	static class QualifiedDataSource {

		@Bean
		@UpgraderDataSource
		HikariDataSource upgrades() {
			return TestDatabase.H2.dataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UpgradesOnlyDataSource {

		@Bean(defaultCandidate = false)
		@UpgraderDataSource
		HikariDataSource upgrades() {
			return TestDatabase.H2.dataSource();
		}

	}

}
