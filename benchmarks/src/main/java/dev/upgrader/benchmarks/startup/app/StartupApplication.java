package dev.upgrader.benchmarks.startup.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import com.sun.management.OperatingSystemMXBean;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.metrics.StartupStep;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application every contender of the start-up harness starts in its own JVM: a plain
 * JDBC Spring Boot application whose only variable is the migration tool the command line
 * enables. When it is ready it prints the JVM's uptime and the process's CPU time in one
 * line the harness reads, and exits.
 */
@SpringBootApplication
public class StartupApplication {

	/** The line's prefix, which the harness looks for. */
	public static final String READY = "STARTUP-READY";

	/**
	 * The system property that prints the main thread's time per start-up step when set
	 * to {@code true}, as measured by {@link StepProfile}.
	 */
	public static final String PROFILE = "startup.profile";

	/**
	 * Starts the application to {@link ApplicationReadyEvent}, reports and exits.
	 * @param args the Spring Boot properties, such as
	 * {@code --spring.flyway.enabled=true}
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		if (Boolean.getBoolean(PROFILE)) {
			StepProfile profile = new StepProfile();
			application.setApplicationStartup(profile);
			StartupStep[] runners = new StartupStep[1];
			application
				.addListeners((ApplicationStartedEvent event) -> runners[0] = profile.start("application runners"));
			application.addListeners((ApplicationReadyEvent event) -> {
				runners[0].end();
				profile.report("Main thread's time per start-up step, children excluded:");
			});
		}
		application.addListeners((ApplicationReadyEvent event) -> report());
		ConfigurableApplicationContext context = application.run(args);
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * Touches the database once before the application is ready, as any application that
	 * uses it does: without this the baseline would never open a connection (the pool is
	 * lazy) and every tool would be charged for the first connection and the driver's
	 * class loading, which the application pays anyway.
	 * @param jdbc the application's JDBC template
	 * @return the runner
	 */
	@Bean
	ApplicationRunner firstQuery(JdbcTemplate jdbc) {
		return (arguments) -> jdbc.queryForObject("SELECT 1", Integer.class);
	}

	private static void report() {
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		// The platform bean exposes CPU time only through the JDK extension.
		var system = ManagementFactory.getOperatingSystemMXBean();
		long cpuNanos = (system instanceof OperatingSystemMXBean os) ? os.getProcessCpuTime() : -1;
		System.out.println(String.format(Locale.ROOT, "%s ready-ms=%d cpu-ms=%d", READY, uptime, cpuNanos / 1_000_000));
	}

}
