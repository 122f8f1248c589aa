package dev.upgrader.benchmarks.tenants.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application the many-tenants harness starts in fresh JVMs: plain JDBC with
 * Upgrader, on one schema or on {@code upgrader.tenants.schemas}. When it is ready it
 * prints the JVM's uptime in one line the harness reads, and exits.
 */
@SpringBootApplication
public class TenantsApplication {

	/** The line's prefix, which the harness looks for. */
	public static final String READY = "TENANTS-READY";

	/**
	 * Starts the application to {@link ApplicationReadyEvent}, reports and exits.
	 * @param args the Spring Boot properties
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(TenantsApplication.class);
		application.addListeners((ApplicationReadyEvent event) -> System.out.println(
				String.format(Locale.ROOT, "%s ready-ms=%d", READY, ManagementFactory.getRuntimeMXBean().getUptime())));
		ConfigurableApplicationContext context = application.run(args);
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * Touches the database once, as any application that uses it does, so that the first
	 * connection is not charged to the upgrades alone.
	 * @param jdbc the application's JDBC template
	 * @return the runner
	 */
	@Bean
	ApplicationRunner firstQuery(JdbcTemplate jdbc) {
		return (arguments) -> jdbc.queryForObject("SELECT 1", Integer.class);
	}

}
