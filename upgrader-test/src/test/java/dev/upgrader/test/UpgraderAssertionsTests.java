package dev.upgrader.test;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderException;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UpgraderAssertions}: each assertion passes on a clean set of upgrades
 * and fails on a crafted bad one, naming the culprit.
 */
class UpgraderAssertionsTests {

	private static final String SHOP = "dev.upgrader.test.fixtures.shop";

	private static final String NL = System.lineSeparator();

	@RegisterExtension
	final FreshDatabase database = FreshDatabase.h2();

	private static List<Upgrade> with(List<Upgrade> upgrades, Upgrade... more) {
		List<Upgrade> all = new ArrayList<>(upgrades);
		all.addAll(List.of(more));
		return all;
	}

	@Test
	void cleanUpgradesPassEveryAssertion(DataSource dataSource) {
		UpgraderAssertions.assertThat(ScannedUpgrades.in(dataSource, SHOP + ".upgrades"))
			.isValid()
			.hasOneRootPerRepository()
			.isSelfContained(SHOP)
			.releasesCoverEverything()
			.hasNoUpgradesSinceTheLastRelease()
			.appliesFromScratchOn(dataSource);
		assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM carts", Integer.class)).isZero();
	}

	@Test
	void aSecondRootFailsNamingTheRoots() {
		List<Upgrade> upgrades = with(ScannedUpgrades.in(SHOP + ".upgrades"), TestUpgrade.of("shop_2026_01_15_orphan"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> UpgraderAssertions.assertThat(upgrades).isValid().hasOneRootPerRepository())
			.withMessage("Expecting the upgrades to follow the rule 'one root per repository', but:" + NL
					+ " - Repository shop has 2 roots (upgrades that depend on no upgrade of shop):"
					+ " shop_2026_01_10_create_carts, shop_2026_01_15_orphan; every upgrade but the first of a"
					+ " repository should depend on an earlier one");
	}

	@Test
	void anUpgradeCallingAnApplicationServiceFailsNamingTheUpgradeAndTheService() {
		List<Upgrade> upgrades = ScannedUpgrades.in(SHOP);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> UpgraderAssertions.assertThat(upgrades).isSelfContained(SHOP))
			.withMessage("Expecting the upgrades to follow the rule 'self-contained upgrades', but:" + NL
					+ " - Upgrade shop_2026_02_01_recalculate_totals (class " + SHOP
					+ ".badupgrades.shop_2026_02_01_recalculate_totals) uses application code outside its package "
					+ SHOP + ".badupgrades: " + SHOP + ".CartService; copy what it needs into the upgrade, as that"
					+ " code will have changed when the upgrade runs");
	}

	@Test
	void aReleaseMissingALeafOfItsTimeFailsNamingTheLeaf() {
		List<Upgrade> upgrades = with(ScannedUpgrades.in(SHOP + ".upgrades"),
				TestUpgrade.of("shop_2026_01_15_discounts", "shop_2026_01_10_create_carts"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> UpgraderAssertions.assertThat(upgrades).releasesCoverEverything())
			.withMessage("Expecting the upgrades to follow the rule 'release covers its time', but:" + NL
					+ " - Release shop_release_1_0_0 does not depend on shop_2026_01_15_discounts: its time is"
					+ " 2026-01-20 (the newest upgrade of shop it depends on), so it should depend on every upgrade"
					+ " of shop dated on or before that day");
	}

	@Test
	void anUpgradeAfterTheLastReleaseFailsOnlyTheReleaseBranchAssertion() {
		List<Upgrade> upgrades = with(ScannedUpgrades.in(SHOP + ".upgrades"),
				TestUpgrade.of("shop_2026_02_10_coupons", "shop_release_1_0_0"));
		UpgraderAssertions.assertThat(upgrades).releasesCoverEverything();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> UpgraderAssertions.assertThat(upgrades).hasNoUpgradesSinceTheLastRelease())
			.withMessageContaining("1 upgrade(s) of shop since release shop_release_1_0_0, not covered by a release"
					+ " yet: shop_2026_02_10_coupons");
	}

	@Test
	void aCycleFailsValidationNamingTheCycle() {
		List<Upgrade> upgrades = List.of(TestUpgrade.of("shop_2026_01_01_a", "shop_2026_01_03_c"),
				TestUpgrade.of("shop_2026_01_02_b", "shop_2026_01_01_a"),
				TestUpgrade.of("shop_2026_01_03_c", "shop_2026_01_02_b"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> UpgraderAssertions.assertThat(upgrades).isValid())
			.withMessage("Expecting the upgrades to form a valid graph, but found:" + NL
					+ " - Dependency cycle: shop_2026_01_01_a -> shop_2026_01_03_c -> shop_2026_01_02_b"
					+ " -> shop_2026_01_01_a (each depends on the next)");
	}

	@Test
	void upgradesComeFromAnApplicationContext() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean("a", Upgrade.class, () -> TestUpgrade.of("shop_2026_01_01_a"));
			context.registerBean("b", Upgrade.class, () -> TestUpgrade.of("shop_2026_01_02_b"));
			context.refresh();
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> UpgraderAssertions.assertThat(context).hasOneRootPerRepository())
				.withMessageContaining("shop_2026_01_01_a, shop_2026_01_02_b");
		}
	}

	@Test
	void anUpgradeThatFailsFromScratchFailsNamingIt(DataSource dataSource) {
		List<Upgrade> upgrades = with(ScannedUpgrades.in(dataSource, SHOP + ".upgrades"),
				TestUpgrade.of("shop_2026_01_25_needs_a_table", "shop_2026_01_20_add_cart_total")
					.doing((context) -> context.jdbc().update("UPDATE table_of_the_developer SET x = 1")));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> UpgraderAssertions.assertThat(upgrades).appliesFromScratchOn(dataSource))
			.withMessageStartingWith("Expecting the upgrades to apply from scratch, but:" + NL
					+ " - The run from scratch on H2 failed: Upgrade shop_2026_01_25_needs_a_table failed")
			.withMessageContaining("TABLE_OF_THE_DEVELOPER");
	}

	@Test
	void aDatabaseThatIsNotFreshIsRefused(DataSource dataSource) {
		List<Upgrade> upgrades = ScannedUpgrades.in(dataSource, SHOP + ".upgrades");
		UpgraderAssertions.assertThat(upgrades).appliesFromScratchOn(dataSource);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> UpgraderAssertions.assertThat(upgrades).appliesFromScratchOn(dataSource))
			.withMessageContaining("The database is not fresh: its log table upgrader_log already has 3 row(s)");
	}

	@Test
	void scannedUpgradesWithoutADatabaseRefuseToConnect() {
		Upgrade first = ScannedUpgrades.in(SHOP + ".upgrades").get(0);
		assertThat(first.id()).isEqualTo("shop_2026_01_10_create_carts");
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> first.doUpgrade(null))
			.withStackTraceContaining("The upgrades were scanned without a database");
	}

	@Test
	void anUpgradeNeedingAnotherBeanCannotBeScanned() {
		assertThatExceptionOfType(UpgraderException.class)
			.isThrownBy(() -> ScannedUpgrades.in("dev.upgrader.test.fixtures.needsbean"))
			.withMessageContaining("needs_2026_01_01_a_service")
			.withMessageContaining("test upgrades that need other beans with UpgraderAssertions.assertThat");
	}

}
