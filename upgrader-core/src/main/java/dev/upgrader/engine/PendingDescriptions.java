package dev.upgrader.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.Upgrade;

/**
 * Describes planned upgrades for operators: their title and their estimate, which is the
 * duration recorded when the same upgrade ran elsewhere where known, else the declared
 * one.
 */
final class PendingDescriptions {

	private final @Nullable UpgradeLog recordedDurations;

	PendingDescriptions(@Nullable UpgradeLog recordedDurations) {
		this.recordedDurations = recordedDurations;
	}

	List<PendingUpgrade> describe(List<UpgradeGraph.Node> plan) {
		Map<String, Duration> recorded = recordedDurations();
		return plan.stream().map((node) -> describe(node, recorded.get(node.id().value()))).toList();
	}

	private Map<String, Duration> recordedDurations() {
		Map<String, Duration> durations = new HashMap<>();
		if (this.recordedDurations != null) {
			this.recordedDurations.read()
				.stream()
				.filter((row) -> row.kind() == AppliedUpgrade.Kind.RUN && row.duration() != null)
				.forEach((row) -> durations.put(row.id(), row.duration()));
		}
		return durations;
	}

	private static PendingUpgrade describe(UpgradeGraph.Node node, @Nullable Duration recorded) {
		Upgrade upgrade = node.upgrade();
		String id = node.id().value();
		String repository = node.id().repository();
		if (recorded != null) {
			return new PendingUpgrade(id, repository, title(upgrade), recorded, node.dependsOn(),
					PendingUpgrade.EstimateSource.RECORDED);
		}
		return new PendingUpgrade(id, repository, title(upgrade), upgrade.estimate(), node.dependsOn());
	}

	/** The first line of an upgrade's info; empty when it has none or cannot give it. */
	static String title(Upgrade upgrade) {
		try {
			String info = upgrade.info();
			return (info != null) ? info.lines().findFirst().orElse("").strip() : "";
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

}
