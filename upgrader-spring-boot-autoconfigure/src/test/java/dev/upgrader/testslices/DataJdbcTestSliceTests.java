package dev.upgrader.testslices;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJdbcTest} includes the upgrades: a repository reads the upgraded schema.
 */
@DataJdbcTest
class DataJdbcTestSliceTests {

	@Autowired
	private JdbcItems items;

	@Test
	void repositoryReadsTheUpgradedSchema() {
		assertThat(this.items.findAll()).containsExactly(new JdbcItem(1L, items_2026_01_01_create_items.SEEDED));
	}

}
