package dev.upgrader.benchmarks;

import java.util.List;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;

/**
 * An upgrade that does nothing, so that a benchmark measures only the engine's own work
 * (planning, log rows, transactions, lock).
 */
final class NoOpUpgrade implements Upgrade {

	private final String id;

	private final List<String> dependsOn;

	NoOpUpgrade(String id, List<String> dependsOn) {
		this.id = id;
		this.dependsOn = dependsOn;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public List<String> dependsOn() {
		return this.dependsOn;
	}

	@Override
	public String info() {
		return "Synthetic upgrade " + this.id;
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
	}

}
