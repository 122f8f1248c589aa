package dev.upgrader.testslices;

import org.junit.jupiter.api.Test;

import dev.upgrader.Upgrader;
import dev.upgrader.testsupport.TableQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upgrader.enabled=false} switches the upgrades off in a slice.
 */
@JdbcTest(properties = "upgrader.enabled=false")
class UpgraderOffInSliceTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationContext context;

	@Test
	void runsNoUpgrades() {
		assertThat(this.context.getBeanNamesForType(Upgrader.class)).isEmpty();
		assertThat(TableQueries.rowsOrNullIfMissing(this.jdbc, "items")).isNull();
		assertThat(TableQueries.rowsOrNullIfMissing(this.jdbc, "upgrader_log")).isNull();
	}

}
