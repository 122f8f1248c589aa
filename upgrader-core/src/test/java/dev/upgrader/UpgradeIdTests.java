package dev.upgrader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UpgradeIdTests {

	@Test
	void datedIdSplitsIntoRepositoryAndName() {
		UpgradeId id = UpgradeId.parse("invenio_2013_03_18_wapCACHE_object_value_longblob");
		assertThat(id.repository()).isEqualTo("invenio");
		assertThat(id.name()).isEqualTo("wapCACHE_object_value_longblob");
		assertThat(id.release()).isFalse();
	}

	@Test
	void repositoryMayContainUnderscores() {
		assertThat(UpgradeId.parse("invenio_upgrader_2015_09_23_legacy_removal").repository())
			.isEqualTo("invenio_upgrader");
	}

	@Test
	void lastDateChunkSplitsAsInTheOriginal() {
		UpgradeId id = UpgradeId.parse("shop_2020_01_01_x_2021_02_02_y");
		assertThat(id.repository()).isEqualTo("shop_2020_01_01_x");
		assertThat(id.name()).isEqualTo("y");
	}

	@Test
	void releaseIdSplitsIntoRepositoryAndVersion() {
		UpgradeId id = UpgradeId.parse("invenio_release_1_1_0");
		assertThat(id.repository()).isEqualTo("invenio");
		assertThat(id.name()).isEqualTo("1_1_0");
		assertThat(id.release()).isTrue();
	}

	@Test
	void idWithNeitherFormIsRefusedNamingIt() {
		assertThatExceptionOfType(InvalidUpgradeIdException.class).isThrownBy(() -> UpgradeId.parse("CreateUsers"))
			.withMessageStartingWith("Invalid upgrade id 'CreateUsers': expected <repository>_<yyyy>_<mm>_<dd>_<name>")
			.satisfies((ex) -> assertThat(ex.getId()).isEqualTo("CreateUsers"));
	}

	@Test
	void impossibleDateIsRefused() {
		assertThatExceptionOfType(InvalidUpgradeIdException.class)
			.isThrownBy(() -> UpgradeId.parse("shop_2026_13_01_create"))
			.withMessageContaining("'2026_13_01' is not a date");
	}

	@Test
	void missingNameIsRefused() {
		assertThatExceptionOfType(InvalidUpgradeIdException.class)
			.isThrownBy(() -> UpgradeId.parse("shop_2026_01_01_"));
	}

	@Test
	void idsCompareByValue() {
		assertThat(UpgradeId.parse("a_2026_01_01_x")).isLessThan(UpgradeId.parse("b_2020_01_01_x"));
	}

}
