package dev.upgrader.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.Upgrader;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeLog;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.test.ShellTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UpgraderShowCommands}, through Spring Shell's {@link ShellTestClient}.
 */
class UpgraderShowCommandsTests {

	// shop_2026_01_10_a ──> shop_2026_01_11_b ──> shop_2026_01_12_c
	private final TestUpgrade a = TestUpgrade.of("shop_2026_01_10_a");

	private final TestUpgrade b = TestUpgrade.of("shop_2026_01_11_b", "shop_2026_01_10_a")
		.estimating(Duration.ofSeconds(200));

	private final TestUpgrade c = TestUpgrade.of("shop_2026_01_12_c", "shop_2026_01_11_b");

	private static String send(ApplicationContext context, String command) throws Exception {
		return String.join("\n", context.getBean(ShellTestClient.class).sendCommand(command).lines());
	}

	@Test
	void showAppliedOnAnEmptyLogSaysSo() {
		ShellFixture.runner(this.a).run((context) -> {
			String output = send(context, "upgrader show applied");
			assertThat(output).contains("No upgrades have been applied.");
		});
	}

	@Test
	void showAppliedListsTheLogOldestFirstWithHowAndDuration() {
		ShellFixture.runner(this.a, this.b, this.c).run((context) -> {
			context.getBean(Upgrader.class).run(RunOptions.unattended());
			String output = send(context, "upgrader show applied");
			assertThat(output).contains("Upgrade", "Applied at (UTC)", "How", "Duration", "3 upgrade(s) applied.");
			assertThat(output.indexOf("shop_2026_01_10_a")).isLessThan(output.indexOf("shop_2026_01_11_b"));
			assertThat(output.indexOf("shop_2026_01_11_b")).isLessThan(output.indexOf("shop_2026_01_12_c"));
			assertThat(output.lines().filter((line) -> line.startsWith("shop_"))).allSatisfy((line) -> assertThat(line)
				.matches("shop_\\S+\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+run\\s+\\d+ ms"));
		});
	}

	@Test
	void showAppliedMarksPopulatedRows() {
		ShellFixture.runner(this.a).run((context) -> {
			context.getBean(Upgrader.class).populate();
			String output = send(context, "upgrader show applied");
			assertThat(output).containsPattern("shop_2026_01_10_a\\s+\\S+ \\S+\\s+populate\\s+-");
		});
	}

	@Test
	void showPendingListsThePlanInRunOrderWithInfoAndTotalEstimate() {
		ShellFixture.runner(this.c, this.b, this.a).run((context) -> {
			String output = send(context, "upgrader show pending");
			assertThat(output).contains("Test upgrade shop_2026_01_11_b", "3 min 20 s")
				.doesNotContain("second line")
				.contains("3 upgrade(s) pending; estimated time: less than 5 minutes (3 min 22 s).");
			assertThat(output.indexOf("shop_2026_01_10_a")).isLessThan(output.indexOf("shop_2026_01_11_b"));
			assertThat(output.indexOf("shop_2026_01_11_b")).isLessThan(output.indexOf("shop_2026_01_12_c"));
		});
	}

	@Test
	void showPendingSaysWhichEstimatesWereRecordedElsewhere() {
		ShellFixture.runner(this.a, this.b)
			.withPropertyValues("upgrader.estimates-table=staging_log")
			.run((context) -> {
				UpgradeLog staging = UpgradeLog.jdbc(context.getBean(DataSource.class), "staging_log",
						context.getBean(DatabaseDialect.class));
				staging.createIfMissing();
				staging.record(List.of(new AppliedUpgrade("shop_2026_01_11_b", Instant.now(), AppliedUpgrade.Kind.RUN,
						Duration.ofSeconds(90), "staging", "b")));
				String output = send(context, "upgrader show pending");
				assertThat(output).containsPattern("shop_2026_01_10_a\\s.*\\s1 s\\s+declared")
					.containsPattern("shop_2026_01_11_b\\s.*\\s1 min 30 s\\s+recorded");
			});
	}

	@Test
	void showPendingWhenEverythingIsAppliedSaysSo() {
		ShellFixture.runner(this.a).run((context) -> {
			context.getBean(Upgrader.class).run(RunOptions.unattended());
			String output = send(context, "upgrader show pending");
			assertThat(output).contains("All upgrades have been applied.");
		});
	}

	@Test
	void showPendingWithACycleFailsNamingIt() {
		TestUpgrade x = TestUpgrade.of("shop_2026_01_10_x", "shop_2026_01_11_y");
		TestUpgrade y = TestUpgrade.of("shop_2026_01_11_y", "shop_2026_01_10_x");
		ShellFixture.runner(x, y).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader show pending");
			assertThat(outcome.failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessageContaining("Dependency cycle")
				.hasMessageContaining("shop_2026_01_10_x");
		});
	}

	@Test
	void showGraphDrawsMermaidWithAppliedAndPendingMarked() {
		TestUpgrade failing = TestUpgrade.of("shop_2026_01_12_c", "shop_2026_01_11_b").failingWith("not today");
		ShellFixture.runner(this.a, this.b, failing).run((context) -> {
			assertThatExceptionOfType(UpgradeFailedException.class)
				.isThrownBy(() -> context.getBean(Upgrader.class).run(RunOptions.unattended()));
			String output = send(context, "upgrader show graph");
			assertThat(output).contains("flowchart LR", "shop_2026_01_10_a[\"shop_2026_01_10_a\"]:::applied",
					"shop_2026_01_11_b[\"shop_2026_01_11_b\"]:::applied",
					"shop_2026_01_12_c[\"shop_2026_01_12_c\"]:::pending", "shop_2026_01_10_a --> shop_2026_01_11_b",
					"classDef pending");
		});
	}

	@Test
	void showGraphMarksPendingAndMissingUpgrades() {
		TestUpgrade orphan = TestUpgrade.of("billing_2026_02_01_d", "billing_2026_01_01_gone");
		ShellFixture.runner(this.a, orphan).run((context) -> {
			String output = send(context, "upgrader show graph --format dot");
			assertThat(output).contains("digraph upgrades {",
					"\"shop_2026_01_10_a\" [fillcolor=lightyellow, style=\"filled,dashed\", tooltip=\"pending\"];",
					"\"billing_2026_01_01_gone\" [fillcolor=lightpink",
					"\"billing_2026_01_01_gone\" -> \"billing_2026_02_01_d\";");
		});
	}

	@Test
	void showGraphRejectsAnUnknownFormat() {
		ShellFixture.runner(this.a).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader show graph --format svg");
			assertThat(outcome.failure()).hasMessage("Unknown graph format 'svg': use mermaid or dot.");
		});
	}

}
