package dev.upgrader.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeListener;

/**
 * The {@code populate} command: records every known upgrade as applied without running
 * it, under the lock. The graph need not be valid.
 */
final class PopulateCommand {

	private static final Log logger = LogFactory.getLog(PopulateCommand.class);

	private final Supplier<? extends Collection<? extends Upgrade>> upgrades;

	private final UpgradeLog log;

	private final UpgradeLock lock;

	private final InPlaceRows rows;

	private final UpgradeListener listener;

	PopulateCommand(Supplier<? extends Collection<? extends Upgrade>> upgrades, UpgradeLog log, UpgradeLock lock,
			InPlaceRows rows, UpgradeListener listener) {
		this.upgrades = upgrades;
		this.log = log;
		this.lock = lock;
		this.rows = rows;
		this.listener = listener;
	}

	int populate() {
		try (UpgradeLock.Held held = this.lock.acquire()) {
			this.log.createIfMissing();
			Set<String> known = LogPlanner.ids(this.log.read());
			Instant now = Instant.now();
			Set<String> seen = new HashSet<>();
			List<AppliedUpgrade> rows = new ArrayList<>();
			for (Upgrade upgrade : this.upgrades.get()) {
				String id = upgrade.id();
				if (!known.contains(id) && seen.add(id)) {
					rows.add(this.rows.row(id, upgrade, now, AppliedUpgrade.Kind.POPULATE));
				}
			}
			this.rows.write(held, rows, () -> {
			});
			List<String> ids = rows.stream().map(AppliedUpgrade::id).toList();
			logger.info("Recorded " + ids.size() + " upgrade(s) as applied without running them (populate).");
			this.listener.populated(ids);
			return ids.size();
		}
	}

}
