package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.ChangedUpgrade;
import dev.upgrader.ChangedUpgradeException;

/**
 * Finds applied upgrades whose checksum differs from the one in the log ("no fiddling"),
 * and applies {@link OnChangedUpgrade} before a run. Rows without a checksum (written
 * before checksums, or of upgrades that declared none) are not compared.
 */
final class ChangedUpgrades {

	private ChangedUpgrades() {
	}

	static List<ChangedUpgrade> find(UpgradeGraph graph, List<AppliedUpgrade> rows) {
		List<ChangedUpgrade> changed = new ArrayList<>();
		for (AppliedUpgrade row : rows) {
			String recorded = row.checksum();
			UpgradeGraph.Node node = (recorded != null) ? graph.get(row.id()) : null;
			if (node != null) {
				String current = node.upgrade().checksum();
				if (!recorded.equals(current)) {
					changed.add(new ChangedUpgrade(row.id(), recorded, current));
				}
			}
		}
		return changed;
	}

	/**
	 * Adds a warning per changed upgrade, or refuses the run under
	 * {@link OnChangedUpgrade#FAIL}.
	 */
	static void beforeRun(List<ChangedUpgrade> changed, OnChangedUpgrade policy, List<String> warnings) {
		if (changed.isEmpty()) {
			return;
		}
		if (policy == OnChangedUpgrade.FAIL) {
			StringBuilder message = new StringBuilder("Refusing to run (upgrader.on-changed-upgrade=fail): ")
				.append(changed.size())
				.append(" applied upgrade(s) changed:");
			changed.forEach((upgrade) -> message.append("\n  ").append(upgrade.describe()));
			throw new ChangedUpgradeException(message.toString(), changed);
		}
		changed.forEach((upgrade) -> warnings.add(upgrade.describe()));
	}

	static boolean differs(AppliedUpgrade row, UpgradeGraph.Node node) {
		return !Objects.equals(row.checksum(), node.upgrade().checksum());
	}

}
