package dev.upgrader.testslices;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JdbcTest} includes the upgrades: the test sees the upgraded schema.
 */
@JdbcTest
class JdbcTestSliceTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Upgrader upgrader;

	@Test
	void seesTheUpgradedSchema() {
		assertThat(this.jdbc.queryForList("SELECT name FROM items", String.class))
			.containsExactly(items_2026_01_01_create_items.SEEDED);
		assertThat(this.upgrader.applied()).extracting(AppliedUpgrade::id)
			.containsExactly("items_2026_01_01_create_items");
	}

}
