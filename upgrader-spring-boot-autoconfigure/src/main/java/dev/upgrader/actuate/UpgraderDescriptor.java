package dev.upgrader.actuate;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.ChangedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.UpgradeFailure;

/**
 * What the {@link UpgraderEndpoint} reports about one {@link dev.upgrader.Upgrader} bean.
 * Durations and estimates are in milliseconds. {@code running}, {@code lastFailure},
 * {@code lastSuccess} and {@code lock.heldByThisInstance} come from the run events this
 * process's listeners received.
 *
 * @param applied the log rows, oldest first, ghosts included
 * @param pending the upgrades a run would apply, in run order
 * @param ghosts logged ids that no upgrade in the code has
 * @param failures the failed attempts of upgrades still not applied, from the database
 * (any instance)
 * @param running the run under way in this process, or {@code null}
 * @param lastFailure the failure of this process's last run unless a successful run
 * followed, or {@code null}
 * @param lastSuccess when this process's last successful run ended, or {@code null}
 * @param lock what is known about the upgrade lock
 * @param graph the upgrades of the code and their dependencies
 * @param changed applied upgrades whose checksum differs from the one in the log
 * @param rules where the upgrades break the rules for writing upgrades, as
 * {@code upgrader check} reports them
 * @since 0.1.0
 */
public record UpgraderDescriptor(List<AppliedDescriptor> applied, PlanDescriptor pending, List<String> ghosts,
		List<UpgradeFailure> failures, UpgraderRunState.@Nullable Run running,
		UpgraderRunState.@Nullable Failure lastFailure, @Nullable Instant lastSuccess, LockDescriptor lock,
		GraphDescriptor graph, List<ChangedUpgrade> changed, List<RuleDescriptor> rules) {

	/**
	 * A log row.
	 *
	 * @param id the upgrade id
	 * @param applied when it was recorded
	 * @param kind how it got there: run, populate, manual, baseline or import
	 * @param durationMillis how long it ran, {@code null} when it did not run
	 * @param appliedBy the host that recorded it
	 * @param info the first line of its info
	 * @param checksum its checksum when recorded, {@code null} when it declared none
	 */
	public record AppliedDescriptor(String id, Instant applied, AppliedUpgrade.Kind kind, @Nullable Long durationMillis,
			String appliedBy, String info, @Nullable String checksum) {

	}

	/**
	 * The plan.
	 *
	 * @param upgrades the pending upgrades in run order
	 * @param totalEstimateMillis the sum of their estimates
	 * @param problems why nothing can run (the graph is invalid), empty otherwise
	 */
	public record PlanDescriptor(List<PendingDescriptor> upgrades, long totalEstimateMillis, List<String> problems) {

	}

	/**
	 * A pending upgrade.
	 *
	 * @param id the upgrade id
	 * @param repository its repository
	 * @param title the first line of its info
	 * @param estimateMillis its estimate
	 * @param estimateSource where the estimate comes from
	 * @param dependsOn the ids it depends on
	 */
	public record PendingDescriptor(String id, String repository, String title, long estimateMillis,
			PendingUpgrade.EstimateSource estimateSource, List<String> dependsOn) {

	}

	/**
	 * The upgrade lock.
	 *
	 * @param heldByThisInstance whether this process is running upgrades, holding the
	 * lock
	 * @param holder who holds the lock (host and pid on PostgreSQL), or {@code null} when
	 * it is free
	 */
	public record LockDescriptor(boolean heldByThisInstance, @Nullable String holder) {

	}

	/**
	 * The upgrade graph.
	 *
	 * @param nodes the upgrades of the code
	 * @param edges one per dependency
	 */
	public record GraphDescriptor(List<NodeDescriptor> nodes, List<EdgeDescriptor> edges) {

	}

	/**
	 * An upgrade of the graph.
	 *
	 * @param id the upgrade id
	 * @param repository its repository
	 * @param release whether it is a release upgrade
	 * @param state where it stands against the log
	 */
	public record NodeDescriptor(String id, String repository, boolean release, State state) {

		/**
		 * Where an upgrade stands against the log.
		 */
		public enum State {

			/** It has a log row. */
			APPLIED,

			/** An upgrade that depends on it has a log row, so it counts as applied. */
			IMPLIED,

			/** A run would apply it. */
			PENDING,

			/** It is not applied, but the graph is invalid, so nothing can run. */
			BLOCKED

		}

	}

	/**
	 * A dependency.
	 *
	 * @param upgrade the dependent upgrade
	 * @param dependsOn the upgrade it depends on
	 */
	public record EdgeDescriptor(String upgrade, String dependsOn) {

	}

	/**
	 * A breach of a rule for writing upgrades.
	 *
	 * @param rule the rule
	 * @param message what breaks it, naming the upgrades
	 * @param informational whether it is only a note, which a strict check does not fail
	 * on
	 */
	public record RuleDescriptor(CheckReport.Rule rule, String message, boolean informational) {

	}

}
