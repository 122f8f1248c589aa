package dev.upgrader.rulebreaking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar app.jar upgrader check} on H2 in its own JVM, as a CI script runs it,
 * against upgrades that break each rule for writing upgrades: warnings and exit code 0,
 * or with {@code upgrader.check.strict=true} problems and exit code 1.
 */
class RuleBreakingCheckSessionTests {

	private static final String PKG = "dev.upgrader.rulebreaking.upgrades.";

	@TempDir
	Path workDir;

	@Test
	void checkWarnsAboutEveryBrokenRuleAndExitsWithZero() throws Exception {
		Session session = check();
		assertThat(session.exitCode()).as(session.err()).isZero();
		assertThat(session.out()).contains("Following upgrade(s) have not been applied yet:",
				"Warning: self-contained upgrades: Upgrade shop_2026_01_15_reprice (class " + PKG
						+ "shop_2026_01_15_reprice) uses application code outside its package"
						+ " dev.upgrader.rulebreaking.upgrades: dev.upgrader.rulebreaking.PriceService;",
				"Warning: one root per repository: Repository shop has 2 roots (upgrades that depend on no upgrade"
						+ " of shop): shop_2026_01_10_create_products, shop_2026_01_12_create_stock;",
				"Warning: release covers its time: Release shop_release_1_0_0 does not depend on"
						+ " shop_2026_01_12_create_stock: its time is 2026-01-15",
				"Note: since the last release: 2 upgrade(s) of shop since release shop_release_1_0_0, not covered by"
						+ " a release yet: shop_2026_01_12_create_stock, shop_2026_02_01_add_product_name",
				"Upgrade check successful - estimated time: less than 1 minute.");
	}

	@Test
	void strictCheckFailsOnTheBrokenRulesAndExitsWithOne() throws Exception {
		Session session = check("-Dupgrader.check.strict=true");
		assertThat(session.exitCode()).isEqualTo(1);
		assertThat(session.out())
			.contains("Problems with the rules for writing upgrades (strict check):",
					" (-) self-contained upgrades: Upgrade shop_2026_01_15_reprice",
					" (-) one root per repository: Repository shop has 2 roots",
					" (-) release covers its time: Release shop_release_1_0_0 does not depend on"
							+ " shop_2026_01_12_create_stock",
					"Note: since the last release: 2 upgrade(s) of shop since release shop_release_1_0_0")
			.doesNotContain("Upgrade check successful");
		assertThat(session.err()).contains("ERROR: Upgrade check failed with 1 problem group(s), listed above.")
			.doesNotContain("\tat ");
	}

	private Session check(String... jvmOptions) throws Exception {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "-Dspring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"-Dlogging.level.root=warn", "-Dupgrader.auto-run=false", "-Dspring.main.banner-mode=off",
				"-Dspring.main.web-application-type=none"));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of(RuleBreakingApplication.class.getName(), "upgrader", "check"));
		Path out = this.workDir.resolve("out.txt");
		Path err = this.workDir.resolve("err.txt");
		Process process = new ProcessBuilder(command).directory(this.workDir.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		process.getOutputStream().close();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new AssertionError("upgrader check did not finish within 60 s; output:\n" + Files.readString(out));
		}
		return new Session(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	record Session(int exitCode, String out, String err) {

	}

}
