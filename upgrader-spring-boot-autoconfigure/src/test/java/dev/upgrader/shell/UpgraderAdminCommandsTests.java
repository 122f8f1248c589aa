package dev.upgrader.shell;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.Upgrader;
import dev.upgrader.engine.UpgradeLock;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UpgraderAdminCommands} and for how the listings show failed attempts.
 */
class UpgraderAdminCommandsTests {

	// shop_2026_01_10_broken ──> shop_2026_01_11_next
	private final TestUpgrade broken = TestUpgrade.of("shop_2026_01_10_broken").failingWith("column already exists");

	private final TestUpgrade next = TestUpgrade.of("shop_2026_01_11_next", "shop_2026_01_10_broken");

	private static void failOnce(ApplicationContext context) {
		assertThatExceptionOfType(UpgradeFailedException.class)
			.isThrownBy(() -> context.getBean(Upgrader.class).run(RunOptions.unattended()));
	}

	@Test
	void showPendingAndCheckShowTheFailedAttemptAndTheWayForward() {
		ShellFixture.runner(this.broken, this.next).run((context) -> {
			failOnce(context);
			String expected = "Warning: shop_2026_01_10_broken failed 1 time(s), last at ";
			ShellFixture.Outcome pending = ShellFixture.execute(context, "upgrader show pending");
			assertThat(pending.failure()).isNull();
			assertThat(pending.output()).contains(expected, ": column already exists",
					"record it with 'upgrader mark-applied shop_2026_01_10_broken --yes-i-know'");
			ShellFixture.Outcome check = ShellFixture.execute(context, "upgrader check");
			assertThat(check.failure()).isNull();
			assertThat(check.output()).contains(expected);
		});
	}

	@Test
	void markAppliedRecordsTheUpgradeByHandOnceConfirmed() {
		ShellFixture.runner(this.broken, this.next).run((context) -> {
			failOnce(context);
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader mark-applied shop_2026_01_10_broken",
					"Yes, I know!");
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.output()).contains("Recorded shop_2026_01_10_broken as applied (by hand).");
			Upgrader upgrader = context.getBean(Upgrader.class);
			assertThat(upgrader.applied()).extracting(AppliedUpgrade::kind).containsExactly(AppliedUpgrade.Kind.MANUAL);
			assertThat(upgrader.failures()).isEmpty();
			assertThat(upgrader.run(RunOptions.unattended()).applied()).containsExactly("shop_2026_01_11_next");
		});
	}

	@Test
	void markAppliedWithYesIKnowAsksNothing() {
		ShellFixture.runner(this.broken).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context,
					"upgrader mark-applied shop_2026_01_10_broken --yes-i-know");
			assertThat(outcome.failure()).isNull();
			assertThat(context.getBean(Upgrader.class).applied()).hasSize(1);
		});
	}

	@Test
	void markAppliedOfAnUnknownIdFailsNamingIt() {
		ShellFixture.runner(this.broken).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context,
					"upgrader mark-applied shop_2026_01_10_typo --yes-i-know");
			assertThat(outcome.failure())
				.hasMessageContaining("Cannot mark shop_2026_01_10_typo applied: the code has no upgrade with that id");
			assertThat(context.getBean(Upgrader.class).applied()).isEmpty();
		});
	}

	@Test
	void markAppliedWithoutAnIdAsksForItBeforeAnything() {
		ShellFixture.runner(this.broken).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader mark-applied --yes-i-know");
			assertThat(outcome.failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessageStartingWith("Give the id of the upgrade to mark: upgrader mark-applied ID [--yes-i-know].");
			assertThat(ShellFixture.execute(context, "upgrader mark-applied").output()).doesNotContain("WARNING");
		});
	}

	@Test
	void markAppliedOfAnUpgradeWithPendingDependenciesIsRefusedNamingThem() {
		ShellFixture.runner(this.broken, this.next).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context,
					"upgrader mark-applied shop_2026_01_11_next --yes-i-know");
			assertThat(outcome.failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessageStartingWith("Cannot mark shop_2026_01_11_next applied: it depends on 1 upgrade(s) not"
						+ " applied yet: shop_2026_01_10_broken.");
			assertThat(context.getBean(Upgrader.class).applied()).isEmpty();
		});
	}

	@Test
	void markAppliedRefusesWithoutConfirmation() {
		ShellFixture.runner(this.broken).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader mark-applied shop_2026_01_10_broken",
					"no");
			assertThat(outcome.failure()).hasMessageContaining("Aborted");
			assertThat(context.getBean(Upgrader.class).applied()).isEmpty();
		});
	}

	@Test
	void lockStatusSaysWhetherTheLockIsFreeOrWhoHoldsIt() {
		ShellFixture.runner(this.broken).run((context) -> {
			assertThat(ShellFixture.execute(context, "upgrader lock status").output())
				.contains("The upgrade lock is free.");
			try (UpgradeLock.Held held = context.getBean(UpgradeLock.class).acquire()) {
				assertThat(ShellFixture.execute(context, "upgrader lock status").output())
					.contains("The upgrade lock is held by another session of this H2 database.");
			}
		});
	}

	@Test
	void lockStatusNamesTheLeaseHolderAndTheExpiryInLeaseMode() {
		ShellFixture.runner(this.broken).withPropertyValues("upgrader.lock.mode=lease").run((context) -> {
			assertThat(ShellFixture.execute(context, "upgrader lock status").output())
				.contains("The upgrade lock is free.");
			try (UpgradeLock.Held held = context.getBean(UpgradeLock.class).acquire()) {
				assertThat(ShellFixture.execute(context, "upgrader lock status").output()).containsPattern(
						"The upgrade lock is held by upgrader on \\S+ pid [0-9]+ \\(lease [0-9a-f-]{36}, taken at \\S+Z,"
								+ " expires at \\S+Z, in [0-9]+ s by the database clock\\)\\.");
			}
		});
	}

}
