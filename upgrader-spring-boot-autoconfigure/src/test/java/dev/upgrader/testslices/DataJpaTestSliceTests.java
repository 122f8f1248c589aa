package dev.upgrader.testslices;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJpaTest} includes the upgrades: Hibernate validates the upgraded schema and
 * a repository reads it.
 */
@DataJpaTest(properties = { "spring.jpa.hibernate.ddl-auto=validate", "upgrader.auto-run-phase=initializer" })
class DataJpaTestSliceTests {

	@Autowired
	private JpaItems items;

	@Test
	void repositoryReadsTheUpgradedSchema() {
		assertThat(this.items.findAll()).singleElement()
			.extracting(JpaItem::getName)
			.isEqualTo(items_2026_01_01_create_items.SEEDED);
	}

}
