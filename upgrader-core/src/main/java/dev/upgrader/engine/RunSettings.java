package dev.upgrader.engine;

import org.jspecify.annotations.Nullable;

/**
 * The engine's settings that the application may change after creating it.
 */
final class RunSettings {

	private volatile OnChangedUpgrade onChangedUpgrade = OnChangedUpgrade.WARN;

	private volatile @Nullable String baseline;

	OnChangedUpgrade onChangedUpgrade() {
		return this.onChangedUpgrade;
	}

	void onChangedUpgrade(OnChangedUpgrade onChangedUpgrade) {
		this.onChangedUpgrade = onChangedUpgrade;
	}

	/** The upgrade an empty log starts from, or {@code null} to start from nothing. */
	@Nullable String baseline() {
		return this.baseline;
	}

	void baseline(@Nullable String baseline) {
		this.baseline = (baseline != null && !baseline.isBlank()) ? baseline.strip() : null;
	}

}
