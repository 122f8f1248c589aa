package dev.upgrader.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.UpgraderException;

/**
 * The {@code baseline} command: starts an empty log at an upgrade, recording it and
 * everything it depends on as in place (kind {@code baseline}) without running them.
 */
final class BaselineCommand {

	private static final Log logger = LogFactory.getLog(BaselineCommand.class);

	private final LogPlanner planner;

	private final UpgradeLog log;

	private final UpgradeLock lock;

	private final InPlaceRows rows;

	BaselineCommand(LogPlanner planner, UpgradeLog log, UpgradeLock lock, InPlaceRows rows) {
		this.planner = planner;
		this.log = log;
		this.lock = lock;
		this.rows = rows;
	}

	List<String> baseline(@Nullable String id) {
		if (id == null || id.isBlank()) {
			throw new UpgraderException("Give the id of the upgrade the database is at: upgrader baseline ID");
		}
		try (UpgradeLock.Held held = this.lock.acquire()) {
			List<AppliedUpgrade> rows = this.log.read();
			if (!rows.isEmpty()) {
				throw new UpgraderException(
						"Cannot baseline at " + id + ": the log already has " + rows.size() + " row(s), the first "
								+ rows.get(0).id() + " (" + rows.get(0).kind().name().toLowerCase(Locale.ROOT)
								+ "). A baseline only starts an empty log; record single upgrades with"
								+ " 'upgrader mark-applied ID' instead.");
			}
			UpgradeGraph graph = this.planner.graph();
			if (!graph.contains(id)) {
				throw new UpgraderException("Cannot baseline at " + id + ": the code has no upgrade with that id");
			}
			return record(graph, id, held).stream().map(AppliedUpgrade::id).toList();
		}
	}

	/**
	 * Records the baseline in an empty log; the caller holds the lock and checked that
	 * the log is empty and the graph has the id.
	 * @return the rows written
	 */
	List<AppliedUpgrade> record(UpgradeGraph graph, String id, UpgradeLock.Held held) {
		UpgradePlan everything = this.planner.planFromScratch(graph).requireValid();
		Set<String> inPlace = graph.withAncestors(List.of(id));
		Instant now = Instant.now();
		List<AppliedUpgrade> rows = new ArrayList<>();
		for (UpgradeGraph.Node node : everything.pending()) {
			if (inPlace.contains(node.id().value())) {
				rows.add(this.rows.row(node.id().value(), node.upgrade(), now, AppliedUpgrade.Kind.BASELINE));
			}
		}
		this.rows.record(held, rows);
		logger.info("Baseline at " + id + ": recorded " + rows.size()
				+ " upgrade(s) as in place without running them; later upgrades will run.");
		return rows;
	}

}
