package dev.upgrader.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.upgrader.CheckReport.Rule;
import dev.upgrader.CheckReport.Warning;
import dev.upgrader.Upgrade;
import dev.upgrader.engine.fixtures.shop.upgrades.shop_2026_03_01_reprice;
import dev.upgrader.engine.fixtures.shop.upgrades.shop_2026_03_02_through_a_helper;
import dev.upgrader.engine.fixtures.shop.upgrades.shop_2026_03_03_self_contained;
import dev.upgrader.testsupport.TestUpgrade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgradeRules} and its rules.
 */
class UpgradeRulesTests {

	private static final String SHOP = "dev.upgrader.engine.fixtures.shop";

	// shop: a ──> b ──> release_1_0_0 ──> c; billing: x (depends on shop a) ──> y
	private final List<Upgrade> clean = List.of(TestUpgrade.of("shop_2026_01_01_a"),
			TestUpgrade.of("shop_2026_01_02_b", "shop_2026_01_01_a"),
			TestUpgrade.of("shop_release_1_0_0", "shop_2026_01_02_b", "billing_2026_01_03_y"),
			TestUpgrade.of("shop_2026_02_01_c", "shop_release_1_0_0"),
			TestUpgrade.of("billing_2026_01_02_x", "shop_2026_01_01_a"),
			TestUpgrade.of("billing_2026_01_03_y", "billing_2026_01_02_x"));

	private static List<Warning> check(UpgradeRules rules, List<? extends Upgrade> upgrades, Rule rule) {
		return rules.check(upgrades).stream().filter((warning) -> warning.rule() == rule).toList();
	}

	@Test
	void aCleanGraphOnlyListsTheUpgradesSinceTheLastRelease() {
		assertThat(UpgradeRules.defaults().applicationPackages(List.of(SHOP)).check(this.clean))
			.containsExactly(new Warning(Rule.SINCE_LAST_RELEASE,
					"1 upgrade(s) of shop since release shop_release_1_0_0, not covered by a release yet: "
							+ "shop_2026_02_01_c"));
	}

	@Test
	void aSecondRootOfARepositoryIsNamed() {
		List<Upgrade> upgrades = List.of(TestUpgrade.of("shop_2026_01_01_a"), TestUpgrade.of("shop_2026_01_05_b"),
				TestUpgrade.of("shop_2026_01_06_c", "shop_2026_01_01_a"),
				TestUpgrade.of("billing_2026_01_02_x", "shop_2026_01_01_a"));
		assertThat(check(UpgradeRules.defaults(), upgrades, Rule.ONE_ROOT_PER_REPOSITORY)).extracting(Warning::message)
			.containsExactly("Repository shop has 2 roots (upgrades that depend on no upgrade of shop): "
					+ "shop_2026_01_01_a, shop_2026_01_05_b; every upgrade but the first of a repository should"
					+ " depend on an earlier one");
	}

	@Test
	void aDependencyOnAnIdOnlyTheLogKnowsStillOrdersAnUpgradeInItsRepository() {
		List<Upgrade> upgrades = List.of(TestUpgrade.of("shop_2026_05_01_a", "shop_2020_01_01_removed_long_ago"));
		assertThat(check(UpgradeRules.defaults(), upgrades, Rule.ONE_ROOT_PER_REPOSITORY)).isEmpty();
	}

	@Test
	void aReleaseMissingALeafOfItsTimeNamesTheLeaf() {
		// a ──> b ──> release; a ──> d (dated before b, nobody depends on it)
		List<Upgrade> upgrades = List.of(TestUpgrade.of("shop_2026_01_01_a"),
				TestUpgrade.of("shop_2026_01_02_d", "shop_2026_01_01_a"),
				TestUpgrade.of("shop_2026_01_03_b", "shop_2026_01_01_a"),
				TestUpgrade.of("shop_release_1_0_0", "shop_2026_01_03_b"),
				TestUpgrade.of("shop_2026_01_03_e", "shop_2026_01_02_d"),
				TestUpgrade.of("shop_2026_01_04_after", "shop_release_1_0_0"));
		assertThat(check(UpgradeRules.defaults(), upgrades, Rule.RELEASE_COVERS_ITS_TIME)).extracting(Warning::message)
			.containsExactly("Release shop_release_1_0_0 does not depend on shop_2026_01_03_e: its time is 2026-01-03"
					+ " (the newest upgrade of shop it depends on), so it should depend on every upgrade of shop"
					+ " dated on or before that day");
	}

	@Test
	void anUpgradeAfterTheReleaseInTheGraphIsNotOfItsTimeWhateverItsDate() {
		List<Upgrade> upgrades = List.of(TestUpgrade.of("shop_2026_01_01_a"),
				TestUpgrade.of("shop_2026_01_03_b", "shop_2026_01_01_a"),
				TestUpgrade.of("shop_release_1_0_0", "shop_2026_01_03_b"),
				TestUpgrade.of("shop_2026_01_02_backdated", "shop_release_1_0_0"));
		assertThat(check(UpgradeRules.defaults(), upgrades, Rule.RELEASE_COVERS_ITS_TIME)).isEmpty();
	}

	@Test
	void upgradesSinceTheNewestReleaseAreListedByVersionNotByName() {
		List<Upgrade> upgrades = List.of(TestUpgrade.of("shop_2026_01_01_a"),
				TestUpgrade.of("shop_release_1_9_0", "shop_2026_01_01_a"),
				TestUpgrade.of("shop_2026_01_02_b", "shop_release_1_9_0"),
				TestUpgrade.of("shop_release_1_10_0", "shop_2026_01_02_b"),
				TestUpgrade.of("shop_2026_01_03_c", "shop_release_1_10_0"),
				TestUpgrade.of("shop_2026_01_04_d", "shop_2026_01_03_c"), TestUpgrade.of("billing_2026_01_01_x"));
		assertThat(check(UpgradeRules.defaults(), upgrades, Rule.SINCE_LAST_RELEASE)).extracting(Warning::message)
			.containsExactly("2 upgrade(s) of shop since release shop_release_1_10_0, not covered by a release yet: "
					+ "shop_2026_01_03_c, shop_2026_01_04_d");
	}

	@Test
	void anUpgradeUsingAnApplicationClassDirectlyOrThroughAHelperIsNamedWithTheClass() {
		List<Upgrade> upgrades = List.of(new shop_2026_03_01_reprice(), new shop_2026_03_02_through_a_helper(),
				new shop_2026_03_03_self_contained());
		assertThat(check(UpgradeRules.defaults().applicationPackages(List.of(SHOP)), upgrades, Rule.SELF_CONTAINED))
			.extracting(Warning::message)
			.containsExactly("Upgrade shop_2026_03_01_reprice (class " + SHOP + ".upgrades.shop_2026_03_01_reprice)"
					+ " uses application code outside its package " + SHOP + ".upgrades: " + SHOP + ".PriceService;"
					+ " copy what it needs into the upgrade, as that code will have changed when the upgrade runs",
					"Upgrade shop_2026_03_02_through_a_helper (class " + SHOP
							+ ".upgrades.shop_2026_03_02_through_a_helper) uses application code outside its package "
							+ SHOP + ".upgrades: " + SHOP + ".PriceService; copy what it needs into the upgrade, as"
							+ " that code will have changed when the upgrade runs");
	}

	@Test
	void selfContainmentIsNotCheckedWithoutApplicationPackages() {
		assertThat(check(UpgradeRules.defaults(), List.of(new shop_2026_03_01_reprice()), Rule.SELF_CONTAINED))
			.isEmpty();
	}

	@Test
	void libraryClassesOutsideTheApplicationPackagesAreAllowed() {
		assertThat(check(UpgradeRules.defaults().applicationPackages(List.of("dev.upgrader.engine.fixtures.other")),
				List.of(new shop_2026_03_01_reprice()), Rule.SELF_CONTAINED))
			.isEmpty();
	}

	@Test
	void validateReportsACycleAndAMissingDependency() {
		assertThat(UpgradeRules.validate(List.of(TestUpgrade.of("shop_2026_01_01_a", "shop_2026_01_02_b"),
				TestUpgrade.of("shop_2026_01_02_b", "shop_2026_01_01_a"),
				TestUpgrade.of("shop_2026_01_03_c", "shop_2026_01_01_unknown"))))
			.satisfiesExactlyInAnyOrder(
					(problem) -> assertThat(problem).startsWith("Dependency cycle: ")
						.contains("shop_2026_01_01_a", "shop_2026_01_02_b"),
					(problem) -> assertThat(problem).isEqualTo("Upgrade shop_2026_01_03_c depends on an unknown"
							+ " upgrade shop_2026_01_01_unknown (neither in the code nor in the log)"));
	}

}
