package dev.upgrader.benchmarks;

import java.util.List;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/**
 * An upgrade that does nothing, so that a benchmark measures only the engine's own work
 * (planning, log rows, transactions, lock). Its id is given, since the benchmarks need
 * thousands of them.
 */
final class NoOpUpgrade extends AbstractUpgrade {

	private final String id;

	NoOpUpgrade(String id, List<String> dependsOn) {
		super("Synthetic upgrade " + id, dependsOn.toArray(String[]::new));
		this.id = id;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
	}

}
