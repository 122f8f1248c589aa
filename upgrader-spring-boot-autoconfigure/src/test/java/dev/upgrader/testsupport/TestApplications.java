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

	private TestApplications() {
	}

	/**
	 * A non-web application on a fresh H2 database, without the shell, that scans no
	 * package for upgrades (its configuration declares them).
	 * @param configuration the application's configuration
	 * @param properties more properties
	 * @return the builder
	 */
	public static SpringApplicationBuilder onH2(Class<?> configuration, String... properties) {
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.properties(TestDatabase.H2.connection().properties())
			.properties("spring.main.banner-mode=off", "upgrader.packages=dev.upgrader.autoconfigure.none",
					WITHOUT_SHELL)
			.properties(properties);
	}

}
