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
	 * Records the current checksum of an applied upgrade whose code changed, after an
	 * admin reviewed the change, so that it is no longer reported.
	 * @param id the upgrade id
	 * @throws UpgraderException when the id is not applied, not in the code, declares no
	 * checksum or did not change
	 * @since 0.1.0
	 */
	default void acceptChange(String id) {
		throw new UpgraderException(getClass().getName() + " does not support accept-change");
	}

	/**
	 * Starts the log of a database built without Upgrader (by {@code schema.sql},
	 * Hibernate or by hand): records the upgrade and everything it depends on as in place
	 * (kind {@code baseline}) without running them, so that only later upgrades run.
	 * @param id the upgrade the database is at
	 * @return the ids recorded, dependencies first
	 * @throws UpgraderException when the log already has rows, the id is not an upgrade
	 * of the code, or the graph is invalid; nothing is written
	 * @since 0.1.0
	 */
	default List<String> baseline(String id) {
		throw new UpgraderException(getClass().getName() + " does not support baseline");
	}

	/**
	 * Records each successful migration of a Flyway history table as an applied upgrade
	 * of the given repository (kind {@code import}), so that new upgrades can depend on
	 * the last one and Flyway can be removed. Rows already imported are not written
	 * again.
	 * @param table the Flyway history table, e.g. {@code flyway_schema_history}
	 * @param repository the repository of the imported ids
	 * @return what was imported and what was not
	 * @throws UpgraderException when the table is missing or a name is invalid; nothing
	 * is written
	 * @since 0.1.0
	 */
	default FlywayImport importFlyway(String table, String repository) {
		throw new UpgraderException(getClass().getName() + " does not support import flyway");
	}

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
