package dev.upgrader;

import java.util.List;
import java.util.Optional;

/**
 * The facade over the engine that the start-up runner, the admin shell and the actuator
 * endpoint use. Every command validates the upgrade graph first; {@link #info()} reports
 * its problems instead.
 *
 * @since 0.1.0
 */
public interface Upgrader {

	/**
	 * The upgrades recorded in the log, oldest first, including ghosts (rows whose
	 * upgrade is no longer in the code).
	 * @return the applied upgrades; empty when the log table does not exist yet
	 */
	List<AppliedUpgrade> applied();

	/**
	 * The upgrades that a run would apply, in run order.
	 * @return the plan
	 * @throws UpgradeGraphException when the graph has a cycle, a missing dependency, a
	 * duplicate or a malformed id
	 */
	List<PendingUpgrade> pending();

	/**
	 * Validates the graph and calls every pending upgrade's
	 * {@link Upgrade#preUpgrade(UpgradeContext) preUpgrade}, unattended, without writing
	 * anything. Also checks the rules for writing upgrades ({@link CheckReport.Rule}):
	 * warnings, or problems when the check is strict.
	 * @return every problem found, grouped per upgrade, the ghost warnings and the rule
	 * warnings
	 */
	CheckReport check();

	/**
	 * Checks the upgrades of the code against the rules for writing upgrades, without
	 * reading the database: the same warnings {@link #check()} reports.
	 * @return the breaches, rule by rule; empty unless overridden
	 * @see CheckReport.Rule
	 */
	default List<CheckReport.Warning> ruleWarnings() {
		return List.of();
	}

	/**
	 * Applies every pending upgrade under the upgrade lock.
	 * @param options whether the run is attended and who answers questions
	 * @return what was applied
	 * @throws UpgradeGraphException when the graph is invalid (nothing ran)
	 * @throws UpgradeCheckException when a pre-check vetoed the run (nothing ran) or a
	 * post-check failed (the upgrades stay recorded)
	 * @throws UpgradeFailedException when an upgrade failed (the ones before it stay
	 * recorded)
	 */
	RunResult run(RunOptions options);

	/**
	 * Records every known upgrade as applied without running it, under the upgrade lock.
	 * The graph need not be valid; upgrades already recorded are left as they are.
	 * @return the number of rows written
	 */
	int populate();

	/**
	 * The upgrades whose last attempt failed and that are still not applied; the next run
	 * retries them.
	 * @return the failures, oldest first
	 */
	List<UpgradeFailure> failures();

	/**
	 * Records an upgrade as applied without running it, for an admin who did its work by
	 * hand; clears its failure.
	 * @param id the upgrade id
	 * @throws UpgraderException when the id is missing, is not a known upgrade, is
	 * already applied, or depends on upgrades that are not applied (recording it would
	 * drop them from the plan)
	 */
	void markApplied(String id);

	/**
	 * Reports on the upgrades of the code against the log, reading the log once: the
	 * graph, the applied rows, the pending upgrades with their estimates, the ghosts, the
	 * failures and the lock holder. An invalid graph is reported, not thrown.
	 * @return the report
	 */
	UpgraderInfo info();

	/**
	 * Describes who holds the upgrade lock.
	 * @return the holder, or empty when the lock is free
	 */
	Optional<String> lockHolder();

}
