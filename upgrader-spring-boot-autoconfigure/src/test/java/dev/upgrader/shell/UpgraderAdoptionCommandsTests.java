package dev.upgrader.shell;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.Upgrader;
import dev.upgrader.testsupport.TestUpgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link UpgraderAdoptionCommands} and for {@code upgrader accept-change}.
 */
class UpgraderAdoptionCommandsTests {

	// shop_2026_01_10_create ──> shop_2026_01_11_fill ──> shop_2026_01_12_index
	private final TestUpgrade create = TestUpgrade.of("shop_2026_01_10_create").withChecksum("create-1");

	private final TestUpgrade fill = TestUpgrade.of("shop_2026_01_11_fill", "shop_2026_01_10_create");

	private final TestUpgrade index = TestUpgrade.of("shop_2026_01_12_index", "shop_2026_01_11_fill");

	@Test
	void baselineRecordsTheUpgradeAndItsAncestorsOnceConfirmed() {
		ShellFixture.runner(this.create, this.fill, this.index).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader baseline shop_2026_01_11_fill",
					"Yes, I know!");
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.output()).contains(
					"Baseline at shop_2026_01_11_fill: recorded 2 upgrade(s) as in place without running them:",
					" * shop_2026_01_10_create", " * shop_2026_01_11_fill");
			Upgrader upgrader = context.getBean(Upgrader.class);
			assertThat(upgrader.applied()).extracting(AppliedUpgrade::id, AppliedUpgrade::kind)
				.containsExactlyInAnyOrder(tuple("shop_2026_01_10_create", AppliedUpgrade.Kind.BASELINE),
						tuple("shop_2026_01_11_fill", AppliedUpgrade.Kind.BASELINE));
			assertThat(upgrader.run(RunOptions.unattended()).applied()).containsExactly("shop_2026_01_12_index");
		});
	}

	@Test
	void baselineOnANonEmptyLogFailsSayingWhy() {
		ShellFixture.runner(this.create, this.fill).run((context) -> {
			context.getBean(Upgrader.class).markApplied("shop_2026_01_10_create");
			ShellFixture.Outcome outcome = ShellFixture.execute(context,
					"upgrader baseline shop_2026_01_11_fill --yes-i-know");
			assertThat(outcome.failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessageContaining("Cannot baseline at shop_2026_01_11_fill: the log already has 1 row(s)");
			assertThat(context.getBean(Upgrader.class).applied()).hasSize(1);
		});
	}

	@Test
	void baselineWithoutAnIdSaysHowToCallIt() {
		ShellFixture.runner(this.create).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader baseline --yes-i-know");
			assertThat(outcome.failure()).hasMessageStartingWith(
					"Give the id of the upgrade the database is at: upgrader baseline ID [--yes-i-know]");
		});
	}

	@Test
	void checkFailsNamingAChangedUpgradeAndAcceptChangeClearsIt() {
		ShellFixture.runner(this.create, this.fill).run((context) -> {
			Upgrader upgrader = context.getBean(Upgrader.class);
			upgrader.run(RunOptions.unattended());
			this.create.withChecksum("create-2");

			ShellFixture.Outcome check = ShellFixture.execute(context, "upgrader check");
			assertThat(check.failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessageContaining("Upgrade check failed with 1 problem group(s)");
			assertThat(check.output()).contains("Problems with shop_2026_01_10_create:",
					"Upgrade shop_2026_01_10_create changed after it was applied: the log recorded checksum create-1,"
							+ " the code now has create-2");

			ShellFixture.Outcome accept = ShellFixture.execute(context,
					"upgrader accept-change shop_2026_01_10_create --yes-i-know");
			assertThat(accept.failure()).isNull();
			assertThat(accept.output())
				.contains("Accepted the change to shop_2026_01_10_create: its new checksum is recorded.");
			assertThat(ShellFixture.execute(context, "upgrader check").failure()).isNull();

			ShellFixture.Outcome again = ShellFixture.execute(context,
					"upgrader accept-change shop_2026_01_10_create --yes-i-know");
			assertThat(again.failure())
				.hasMessageContaining("Nothing to accept for shop_2026_01_10_create: its checksum create-2 matches");
		});
	}

	@Test
	void importFlywayWithoutAHistoryTableFailsNamingTheTable() {
		ShellFixture.runner(this.create).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader import flyway --yes-i-know");
			assertThat(outcome.failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessageContaining("No Flyway history table flyway_schema_history in this database");
			assertThat(context.getBean(Upgrader.class).applied()).isEmpty();
		});
	}

	@Test
	void importFlywayTakesTheTableFromSpringFlywayProperties() {
		ShellFixture.runner(this.create)
			.withPropertyValues("spring.flyway.table=legacy_history", "spring.flyway.default-schema=PUBLIC")
			.run((context) -> {
				ShellFixture.Outcome outcome = ShellFixture.execute(context, "upgrader import flyway --yes-i-know");
				assertThat(outcome.failure())
					.hasMessageContaining("No Flyway history table PUBLIC.legacy_history in this database");
			});
	}

}
