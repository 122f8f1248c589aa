package dev.upgrader.sample;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample app in its own JVM, as an operator would: an interactive session whose
 * input is typed through a pipe into JLine, and one-shot commands whose exit code is
 * checked. Each process is killed after 60 seconds at the latest.
 */
class SampleApplicationSessionTests {

	@TempDir
	Path workDir;

	@Test
	void interactiveSessionPromptsAfterTheAutoRunAndAnswersCommands() throws Exception {
		Session session = start(List.of(), "upgrader show pending\nupgrader show applied\nexit\n");
		assertThat(session.exitCode()).isZero();
		assertThat(session.out()).contains("All upgrades have been applied.", "8 upgrade(s) applied.",
				"Exiting the shell");
	}

	@Test
	void interactiveRunAppliesOnceTheOperatorConfirmed() throws Exception {
		Session session = start(List.of("-Dupgrader.auto-run=false"),
				"upgrader show applied\nupgrader run\nYes, I know!\nupgrader show applied\nexit\n");
		assertThat(session.exitCode()).isZero();
		assertThat(session.out()).contains("No upgrades have been applied.",
				"WARNING: You are going to upgrade your installation (estimated time: less than 1 minute)!",
				"[6/8] shop_release_1_0_0", "[8/8] shop_2026_04_01_index_product_names",
				"Upgrade completed with 1 warning(s): 8 upgrade(s) applied", "8 upgrade(s) applied.",
				"Exiting the shell");
	}

	@Test
	void nonInteractiveRunWithoutYesIKnowIsRefusedWithExitCodeOne() throws Exception {
		Session session = start(List.of("-Dupgrader.auto-run=false"), "", "upgrader", "run");
		assertThat(session.exitCode()).isEqualTo(1);
		assertThat(session.err()).contains("ERROR: Nobody can confirm in a non-interactive run: add --yes-i-know")
			.doesNotContain("\tat ");
		assertThat(session.out()).doesNotContain("Upgrade completed");
	}

	@Test
	void nonInteractiveRunAfterTheStartupRunFindsNothingToConfirm() throws Exception {
		Session session = start(List.of(), "", "upgrader", "run");
		assertThat(session.exitCode()).isZero();
		assertThat(session.out()).contains("All upgrades have been applied.").doesNotContain("WARNING: You are going");
	}

	@Test
	void nonInteractiveRunWithYesIKnowAppliesWithExitCodeZero() throws Exception {
		Session session = start(List.of("-Dupgrader.auto-run=false"), "", "upgrader", "run", "--yes-i-know");
		assertThat(session.exitCode()).isZero();
		assertThat(session.out()).contains("Upgrade completed with 1 warning(s): 8 upgrade(s) applied");
	}

	@Test
	void interactiveSessionShowsAMisspelledCommandOrOptionAndGoesOn() throws Exception {
		Session session = start(List.of(),
				"upgrader shwo applied\nupgrader run --yes-i-nkow\nupgrader show applied\nexit\n");
		assertThat(session.exitCode()).isZero();
		assertThat(session.out()).contains("Unknown command: upgrader shwo applied.",
				"Unknown option --yes-i-nkow for upgrader run; its options are --all-tenants, --tenant, --yes-i-know.",
				"8 upgrade(s) applied.", "Exiting the shell");
	}

	@Test
	void nonInteractiveMisspelledCommandExitsWithOne() throws Exception {
		Session session = start(List.of(), "", "upgrader", "shwo", "applied");
		assertThat(session.exitCode()).isEqualTo(1);
		assertThat(session.err()).contains("ERROR: Unknown command: upgrader shwo applied.").doesNotContain("\tat ");
		assertThat(session.out()).doesNotContain("Available sub-commands");
	}

	@Test
	void nonInteractiveMisspelledOptionExitsWithOne() throws Exception {
		Session session = start(List.of("-Dupgrader.auto-run=false"), "", "upgrader", "run", "--yes-i-nkow");
		assertThat(session.exitCode()).isEqualTo(1);
		assertThat(session.err()).contains("ERROR: Unknown option --yes-i-nkow for upgrader run")
			.doesNotContain("\tat ");
		assertThat(session.out()).doesNotContain("Upgrade completed");
	}

	@Test
	void nonInteractiveMissingArgumentExitsWithOne() throws Exception {
		Session session = start(List.of(), "", "upgrader", "mark-applied", "--yes-i-know");
		assertThat(session.exitCode()).isEqualTo(1);
		assertThat(session.err()).contains("ERROR: Give the id of the upgrade to mark").doesNotContain("\tat ");
	}

	@Test
	void nonInteractiveUnknownCommandExitsWithOneWithoutAStackTrace() throws Exception {
		Session session = start(List.of(), "", "shwo");
		assertThat(session.exitCode()).isEqualTo(1);
		assertThat(session.err()).contains("ERROR: Unknown command: shwo.").doesNotContain("\tat ");
	}

	@Test
	void nonInteractiveOptionValueWithSpacesStaysWhole() throws Exception {
		Files.createDirectories(this.workDir.resolve("out sp"));
		Session session = start(List.of(), "", "upgrader", "create", "recipe", "--package", "com.example.shop",
				"--name", "add_stock", "--output", "out sp");
		assertThat(session.exitCode()).as(session.err()).isZero();
		try (Stream<Path> files = Files.list(this.workDir.resolve("out sp"))) {
			assertThat(files.map((file) -> file.getFileName().toString())).singleElement()
				.satisfies((name) -> assertThat(name).startsWith("shop_").endsWith("_add_stock.java"));
		}
	}

	private Session start(List<String> jvmOptions, String input, String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"),
						"-Dspring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "-Dlogging.level.root=warn"));
		command.addAll(jvmOptions);
		command.add(SampleApplication.class.getName());
		command.addAll(List.of(args));
		Path out = this.workDir.resolve("out.txt");
		Path err = this.workDir.resolve("err.txt");
		Process process = new ProcessBuilder(command).directory(this.workDir.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		try (OutputStream stdin = process.getOutputStream()) {
			stdin.write(input.getBytes(StandardCharsets.UTF_8));
		}
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new AssertionError("The sample app did not finish within 60 s; output:\n" + Files.readString(out));
		}
		return new Session(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	record Session(int exitCode, String out, String err) {

	}

}
