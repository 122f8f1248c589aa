package dev.upgrader.testsupport;

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

}
