package dev.upgrader.testsupport;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Settings for whole applications started by tests.
 */
public final class TestApplications {

	/**
	 * This module has Spring Shell on its test classpath for the shell's tests; the other
	 * applications started here are not shell applications.
	 */
	public static final String WITHOUT_SHELL = "spring.autoconfigure.exclude="
			+ "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration";

	/**
	 * Like {@link #WITHOUT_SHELL}, and without the JPA and Spring Data
	 * auto-configurations that the test slices put on this module's classpath: the plain
	 * JDBC applications of the process tests, whose JVMs start many at once, stay as
	 * light as users' own.
	 */
	public static final String PLAIN_JDBC = WITHOUT_SHELL
			+ ",org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"
			+ ",org.springframework.boot.hibernate.autoconfigure.metrics.HibernateMetricsAutoConfiguration"
			+ ",org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"
			+ ",org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration";

	private TestApplications() {
	}

	/**
	 * A plain JDBC application ({@link #PLAIN_JDBC}), not web, on a fresh H2 database,
	 * that scans no package for upgrades (its configuration declares them).
	 * @param configuration the application's configuration
	 * @param properties more properties
	 * @return the builder
	 */
	public static SpringApplicationBuilder onH2(Class<?> configuration, String... properties) {
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.properties(TestDatabase.H2.connection().properties())
			.properties("spring.main.banner-mode=off", "upgrader.packages=dev.upgrader.autoconfigure.none", PLAIN_JDBC)
			.properties(properties);
	}

}
