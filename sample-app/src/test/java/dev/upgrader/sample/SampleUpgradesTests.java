package dev.upgrader.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.upgrader.test.FreshDatabase;
import dev.upgrader.test.ScannedUpgrades;
import dev.upgrader.test.UpgraderAssertions;

/**
 * The sample's upgrades follow the rules for writing upgrades and apply from scratch, as
 * a user's CI would check them with the test kit (docs/testing.md).
 */
class SampleUpgradesTests {

	@RegisterExtension
	final FreshDatabase database = FreshDatabase.h2();

	@Test
	void upgradesFollowTheRules() {
		UpgraderAssertions.assertThat(ScannedUpgrades.in("dev.upgrader.sample.upgrades"))
			.isValid()
			.hasOneRootPerRepository()
			.isSelfContained("dev.upgrader.sample")
			.releasesCoverEverything();
	}

	@Test
	void upgradesApplyFromScratch(DataSource dataSource) {
		UpgraderAssertions.assertThat(ScannedUpgrades.in(dataSource, "dev.upgrader.sample.upgrades"))
			.appliesFromScratchOn(dataSource);
	}

}
