package dev.upgrader.integration.oneshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-shot mode, as an init container runs it:
 * {@code java ... --upgrader.mode=run-and-exit} in its own process, on a web application
 * whose configuration switches the start-up run off; on the database, or on tenant
 * schemas of it.
 */
class RunAndExitProcessTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@ValueSource(strings = { "auto", "runner" })
	void appliesPendingUpgradesAndExitsWithZeroWithoutServingOrRunningTheApplication(String phase) throws Exception {
		Result result = run("--upgrader.auto-run-phase=" + phase);
		assertThat(result.status()).as(result.output()).isZero();
		assertThat(result.output()).contains("upgrader.mode=run-and-exit: upgrades applied, exiting with status 0")
			.doesNotContain(OneShotApplication.OWN_RUNNER_RAN)
			.doesNotContain("Tomcat started");
		assertThat(jdbc().queryForList("SELECT upgrade FROM upgrader_log ORDER BY upgrade", String.class))
			.containsExactly("job_2026_01_01_create_jobs", "job_2026_01_02_maybe_fail");
		Result again = run("--upgrader.auto-run-phase=" + phase);
		assertThat(again.status()).as(again.output()).isZero();
		assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM it_job", Integer.class)).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "auto", "runner" })
	void failedUpgradeExitsWithANonZeroStatusNamingIt(String phase) throws Exception {
		Result result = run("--upgrader.auto-run-phase=" + phase, "--oneshot.fail=true");
		assertThat(result.status()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("job_2026_01_02_maybe_fail")
			.contains("The job upgrade fails on purpose")
			.doesNotContain(OneShotApplication.OWN_RUNNER_RAN);
		assertThat(jdbc().queryForList("SELECT upgrade FROM upgrader_log", String.class))
			.containsExactly("job_2026_01_01_create_jobs");
	}

	@Test
	void upgradesEveryTenantAndExitsWithZero() throws Exception {
		Result result = run("--upgrader.tenants.schemas=acme,globex");
		assertThat(result.status()).as(result.output()).isZero();
		assertThat(result.output()).contains("upgrader.mode=run-and-exit: upgrades applied, exiting with status 0")
			.doesNotContain(OneShotApplication.OWN_RUNNER_RAN);
		for (String tenant : List.of("acme", "globex")) {
			assertThat(jdbc().queryForList("SELECT upgrade FROM " + tenant + ".upgrader_log ORDER BY upgrade",
					String.class))
				.containsExactly("job_2026_01_01_create_jobs", "job_2026_01_02_maybe_fail");
		}
	}

	@Test
	void aFailedTenantExitsWithANonZeroStatusNamingItAfterTheOthersAreUpgraded() throws Exception {
		Result result = run("--upgrader.tenants.schemas=acme,globex,initech", "--oneshot.fail-tenant=globex");
		assertThat(result.status()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("upgrader.mode=run-and-exit: 1 tenant(s) failed (globex)")
			.contains("The job upgrade fails on purpose")
			.doesNotContain(OneShotApplication.OWN_RUNNER_RAN);
		assertThat(jdbc().queryForList("SELECT upgrade FROM globex.upgrader_log", String.class))
			.containsExactly("job_2026_01_01_create_jobs");
		for (String tenant : List.of("acme", "initech")) {
			assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM " + tenant + ".upgrader_log", Integer.class))
				.isEqualTo(2);
		}
	}

	private Result run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:TieredStopAtLevel=1", "-cp", classPath(), OneShotApplication.class.getName(),
				"--upgrader.mode=run-and-exit", "--upgrader.auto-run=false", "--server.port=0",
				"--spring.main.banner-mode=off", "--spring.datasource.url=" + url(), "--spring.datasource.username=sa",
				"--spring.flyway.enabled=false", "--spring.liquibase.enabled=false"));
		command.addAll(List.of(arguments));
		Path output = Files.createTempFile(this.directory, "oneshot", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("The one-shot run did not exit: " + Files.readString(output));
		}
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	private String url() {
		return "jdbc:h2:file:" + this.directory.resolve("oneshot").toAbsolutePath();
	}

	private JdbcTemplate jdbc() {
		return new JdbcTemplate(new DriverManagerDataSource(url(), "sa", ""));
	}

	/**
	 * Surefire may launch tests through a manifest-only jar and keep the real class path
	 * in {@code surefire.test.class.path}.
	 */
	private static String classPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	private record Result(int status, String output) {

	}

}
