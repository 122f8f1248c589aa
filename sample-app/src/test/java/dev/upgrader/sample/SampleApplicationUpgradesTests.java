package dev.upgrader.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.upgrader.test.UpgraderAssertions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The test kit on the upgrade beans of the sample application's own context, with the
 * start-up run off so that the kit applies them from scratch on the application's
 * DataSource: the form for upgrades that take the application's beans.
 */
@SpringBootTest(properties = { "upgrader.auto-run=false", "spring.datasource.url=jdbc:h2:mem:sample-kit" })
@ActiveProfiles("web")
class SampleApplicationUpgradesTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DataSource dataSource;

	@Test
	void upgradesOfTheContextFollowTheRulesAndApplyFromScratch() {
		UpgraderAssertions.assertThat(this.context)
			.isValid()
			.hasOneRootPerRepository()
			.isSelfContained("dev.upgrader.sample")
			.releasesCoverEverything()
			.appliesFromScratchOn(this.dataSource);
	}

}
