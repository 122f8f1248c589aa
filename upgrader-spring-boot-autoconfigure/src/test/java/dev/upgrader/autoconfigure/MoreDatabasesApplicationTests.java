package dev.upgrader.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.engine.DatabaseDialect;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole applications on the databases beyond the three session-lock ones: HSQLDB (the
 * lease lock by default), and a database no built-in dialect knows, which runs on the
 * generic dialect and says once what it guesses.
 */
@ExtendWith(OutputCaptureExtension.class)
class MoreDatabasesApplicationTests {

	private static final String GUESSES = "Upgrader has no dialect for the database 'Acme DB': using standard SQL";

	@Test
	void hsqldbApplicationRunsItsUpgradesUnderTheLease() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
			.web(WebApplicationType.NONE)
			.properties(TestDatabase.HSQLDB.connection().properties())
			.properties("spring.main.banner-mode=off", "upgrader.packages=dev.upgrader.autoconfigure.none",
					TestApplications.PLAIN_JDBC)
			.run()) {
			assertThat(context.getBean(DatabaseDialect.class)).hasToString("HSQLDB");
			assertThat(context.getBean(Upgrader.class).applied()).extracting(AppliedUpgrade::id)
				.containsExactly("shop_2026_01_01_products", "shop_2026_01_02_seed");
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForList("SELECT name FROM products", String.class)).containsExactly("tea");
			assertThat(jdbc.queryForList("SELECT token FROM upgrader_log_lock", String.class))
				.as("the lease, given back")
				.containsExactly((String) null);
		}
	}

	@Test
	void unknownDatabaseRunsOnTheGenericDialectAndSaysOnceWhatItGuesses(CapturedOutput output) {
		try (ConfigurableApplicationContext context = TestApplications.onH2(ShopApplication.class)
			.sources(AcmeDataSource.class)
			.run()) {
			assertThat(context.getBean(DatabaseDialect.class)).hasToString("Acme DB");
			assertThat(context.getBean(Upgrader.class).applied()).hasSize(2);
			context.getBean(Upgrader.class).pending();
		}
		assertThat(output.getOut().split(GUESSES, -1)).as("logged once").hasSize(2);
		assertThat(output).contains("the lease lock (CURRENT_TIMESTAMP, TIMESTAMP(3) WITH TIME ZONE)")
			.contains("If any of that is wrong, declare a DatabaseDialect bean.");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ShopApplication {

		@Bean
		Upgrade products() {
			return TestUpgrade.of("shop_2026_01_01_products")
				.doing((context) -> context.jdbc().execute("CREATE TABLE products (name VARCHAR(100))"));
		}

		@Bean
		Upgrade seed() {
			return TestUpgrade.of("shop_2026_01_02_seed", "shop_2026_01_01_products")
				.doing((context) -> context.jdbc().update("INSERT INTO products (name) VALUES ('tea')"));
		}

	}

	/**
	 * An H2 database whose metadata calls it "Acme DB", a product Upgrader does not know.
	 */
	@Configuration(proxyBeanMethods = false)
	static class AcmeDataSource {

		@Bean
		DataSource dataSource() {
			TestDatabase.Connection h2 = TestDatabase.H2.connection();
			return new DriverManagerDataSource(h2.url(), h2.user(), h2.password()) {
				@Override
				public Connection getConnection() throws SQLException {
					return renamed(super.getConnection());
				}
			};
		}

		private static Connection renamed(Connection real) {
			return (Connection) Proxy.newProxyInstance(AcmeDataSource.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("getMetaData")) {
							DatabaseMetaData metaData = real.getMetaData();
							return Proxy.newProxyInstance(AcmeDataSource.class.getClassLoader(),
									new Class<?>[] { DatabaseMetaData.class },
									(p, m, a) -> m.getName().equals("getDatabaseProductName") ? "Acme DB"
											: invoke(m, metaData, a));
						}
						return invoke(method, real, args);
					});
		}

		/** Calls the real object, throwing what it throws (a driver's SQLException). */
		private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
