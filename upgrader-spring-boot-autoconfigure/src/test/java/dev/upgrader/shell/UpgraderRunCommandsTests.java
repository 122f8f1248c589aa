package dev.upgrader.shell;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.upgrader.Upgrader;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.test.ShellTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UpgraderRunCommands}. Commands that must be confirmed get scripted
 * answers from {@link ShellFixture#execute}; Spring Shell's {@link ShellTestClient}, like
 * the non-interactive runner, has no input at all.
 */
class UpgraderRunCommandsTests {

	// shop_2026_01_10_a ──> shop_2026_01_11_b
	private final TestUpgrade a = TestUpgrade.of("shop_2026_01_10_a");

	private final TestUpgrade b = TestUpgrade.of("shop_2026_01_11_b", "shop_2026_01_10_a")
		.estimating(Duration.ofMinutes(7));

	private static int applied(ApplicationContext context) {
		return context.getBean(Upgrader.class).applied().size();
	}

	@Test
	void checkOfACleanGraphReportsThePlanAndTheEstimate() {
		ShellFixture.runner(this.a, this.b).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader check");
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.output()).contains("Following upgrade(s) have not been applied yet:",
					" * shop_2026_01_10_a (Test upgrade shop_2026_01_10_a)",
					"Upgrade check successful - estimated time: less than 10 minutes.");
			assertThat(applied(context)).isZero();
		});
	}

	@Test
	void checkReportsEveryFailedPreCheckPerUpgradeAndFails() {
		ShellFixture.runner(this.a.vetoing("the disk is full"), this.b.vetoing("the moon is wrong")).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader check");
			assertThat(outcome.output()).contains("Problems with shop_2026_01_10_a:", " (-) the disk is full",
					"Problems with shop_2026_01_11_b:", " (-) the moon is wrong");
			assertThat(outcome.failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessage("Upgrade check failed with 2 problem group(s), listed above. Aborting.");
		});
	}

	@Test
	void checkListsGhostsAsWarningsOnly() {
		String sharedDatabase = "spring.datasource.url=jdbc:h2:mem:ghosts" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		ShellFixture.runner(this.a)
			.withPropertyValues(sharedDatabase)
			.run((context) -> context.getBean(Upgrader.class).populate());
		TestUpgrade other = TestUpgrade.of("billing_2026_01_11_x");
		ShellFixture.runner(other).withPropertyValues(sharedDatabase).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader check");
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.output()).contains(
					"Warning: ghost upgrade shop_2026_01_10_a is in the log but not in the code (the row is kept).",
					"Upgrade check successful");
		});
	}

	@Test
	void checkShowsBrokenRulesAsWarningsAndSucceeds() {
		TestUpgrade secondRoot = TestUpgrade.of("shop_2026_01_12_c");
		ShellFixture.runner(this.a, this.b, secondRoot).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader check");
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.output()).contains(
					"Warning: one root per repository: Repository shop has 2 roots"
							+ " (upgrades that depend on no upgrade of shop): shop_2026_01_10_a, shop_2026_01_12_c;",
					"Upgrade check successful");
		});
	}

	@Test
	void strictCheckFailsOnABrokenRuleButNotOnTheNoteOfUpgradesSinceTheLastRelease() {
		TestUpgrade release = TestUpgrade.of("shop_release_1_0_0", "shop_2026_01_10_a");
		ShellFixture.runner(this.a, this.b, release).withPropertyValues("upgrader.check.strict=true").run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader check");
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.output()).contains(
					"Note: since the last release: 1 upgrade(s) of shop since release"
							+ " shop_release_1_0_0, not covered by a release yet: shop_2026_01_11_b",
					"Upgrade check successful");
		});
		TestUpgrade secondRoot = TestUpgrade.of("shop_2026_01_12_c");
		ShellFixture.runner(this.a, secondRoot).withPropertyValues("upgrader.check.strict=true").run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader check");
			assertThat(outcome.output()).contains("Problems with the rules for writing upgrades (strict check):",
					" (-) one root per repository: Repository shop has 2 roots");
			assertThat(outcome.failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessage("Upgrade check failed with 1 problem group(s), listed above. Aborting.");
		});
	}

	@Test
	void runWithoutYesIKnowIsRefusedWhenNobodyCanConfirm() {
		ShellFixture.runner(this.a).run((context) -> {
			assertThatExceptionOfType(CommandExecutionException.class)
				.isThrownBy(() -> context.getBean(ShellTestClient.class).sendCommand("upgrader run"))
				.havingRootCause()
				.withMessageContaining("add --yes-i-know");
			assertThat(applied(context)).isZero();
		});
	}

	@Test
	void runWithYesIKnowAppliesThePlanWithProgressAndSummary() {
		ShellFixture.runner(this.a, this.b).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader run --yes-i-know");
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.output())
				.contains("Following upgrade(s) will be applied:", "Estimated time: less than 10 minutes.",
						"[1/2] shop_2026_01_10_a - elapsed", "ETA 7 min 1 s", "[2/2] shop_2026_01_11_b",
						"ETA 7 min 0 s", "applied in", "Upgrade completed successfully: 2 upgrade(s) applied in")
				.doesNotContain("Yes, I know!");
			assertThat(applied(context)).isEqualTo(2);
		});
	}

	@Test
	void runAppliesAfterTheOperatorTypedTheConfirmation() {
		ShellFixture.runner(this.a).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader run", "Yes, I know!");
			assertThat(outcome.output()).contains(
					"* WARNING: You are going to upgrade your installation (estimated time: less than 1 minute)! *",
					"Upgrade completed successfully: 1 upgrade(s) applied");
			assertThat(applied(context)).isEqualTo(1);
		});
	}

	@Test
	void runAbortsOnAnyOtherAnswer() {
		ShellFixture.runner(this.a).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader run", "yes");
			assertThat(outcome.failure())
				.hasMessage("Aborted: the answer was not 'Yes, I know!'. Nothing was changed.");
			assertThat(applied(context)).isZero();
		});
	}

	@Test
	void runWhenNothingIsPendingSaysSoWithoutAsking() {
		ShellFixture.runner(this.a).run((context) -> {
			context.getBean(Upgrader.class).populate();
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader run");
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.output()).contains("All upgrades have been applied.").doesNotContain("WARNING");
		});
	}

	@Test
	void runThatFailsNamesTheUpgradeAndKeepsWhatWasApplied() {
		ShellFixture.runner(this.a, this.b.failingWith("column exists")).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader run --yes-i-know");
			assertThat(outcome.output()).contains("[2/2] shop_2026_01_11_b", "FAILED after");
			assertThat(outcome.failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessageContaining("Upgrade shop_2026_01_11_b failed: column exists");
			assertThat(applied(context)).isEqualTo(1);
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void runThatFailsLogsTheCauseWithItsStackTraceOnce(CapturedOutput console) {
		ShellFixture.runner(this.a, this.b.failingWith("column exists")).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader run --yes-i-know");
			assertThat(outcome.failure()).hasMessageContaining("Upgrade shop_2026_01_11_b failed: column exists");
			String logged = console.getAll();
			assertThat(logged.split("java.lang.IllegalStateException: column exists", -1)).as(logged).hasSize(2);
			assertThat(logged).contains("\tat dev.upgrader.engine.UpgradeExecutor");
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void checkThatFailsLogsNoStackTrace(CapturedOutput console) {
		ShellFixture.runner(this.a.vetoing("the disk is full")).run((context) -> {
			assertThat(ShellFixture.execute(context, "upgrader check").failure()).isNotNull();
			assertThat(console.getAll()).doesNotContain("\tat ");
		});
	}

	@Test
	void runVetoedByAPreCheckAppliesNothing() {
		ShellFixture.runner(this.a, this.b.vetoing("not on a Friday")).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader run --yes-i-know");
			assertThat(outcome.failure()).hasMessageContaining("shop_2026_01_11_b")
				.hasMessageContaining("not on a Friday");
			assertThat(applied(context)).isZero();
		});
	}

	@Test
	void populateWithoutYesIKnowIsRefusedWhenNobodyCanConfirm() {
		ShellFixture.runner(this.a).run((context) -> {
			assertThatExceptionOfType(CommandExecutionException.class)
				.isThrownBy(() -> context.getBean(ShellTestClient.class).sendCommand("upgrader populate"))
				.havingRootCause()
				.withMessageContaining("add --yes-i-know");
			assertThat(applied(context)).isZero();
		});
	}

	@Test
	void populateWithYesIKnowRecordsEveryUpgradeWithoutRunningIt() {
		ShellFixture.runner(this.a, this.b).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader populate --yes-i-know");
			assertThat(outcome.output()).contains("Recorded 2 upgrade(s) as applied without running them.");
			assertThat(context.getBean(Upgrader.class).pending()).isEmpty();
		});
	}

}
