package dev.upgrader;

import java.util.List;

/**
 * The outcome of {@link Upgrader#check()}.
 *
 * @param pending the upgrades a run would apply, in run order (empty when the graph is
 * invalid)
 * @param problems every problem found; a clean check has none
 * @param ghosts ids recorded in the log that no upgrade in the code has (warnings only)
 * @param warnings where the upgrades break the rules for writing upgrades (warnings
 * unless the check is strict, which reports them as problems instead)
 * @since 0.1.0
 */
public record CheckReport(List<PendingUpgrade> pending, List<Problem> problems, List<String> ghosts,
		List<Warning> warnings) {

	/**
	 * Creates a report without rule warnings.
	 * @param pending the upgrades a run would apply, in run order
	 * @param problems every problem found
	 * @param ghosts ids recorded in the log that no upgrade in the code has
	 */
	public CheckReport(List<PendingUpgrade> pending, List<Problem> problems, List<String> ghosts) {
		this(pending, problems, ghosts, List.of());
	}

	/**
	 * Whether the check found no problem (ghosts and warnings are not problems).
	 * @return {@code true} when clean
	 */
	public boolean isClean() {
		return this.problems.isEmpty();
	}

	/**
	 * The problems found for one subject: an upgrade id or "graph".
	 *
	 * @param subject what the messages are about
	 * @param messages one line per problem
	 */
	public record Problem(String subject, List<String> messages) {

	}

	/**
	 * Where the upgrades break one of the rules for writing upgrades.
	 *
	 * @param rule the rule
	 * @param message what breaks it, naming the upgrade ids (and classes) involved
	 */
	public record Warning(Rule rule, String message) {

		@Override
		public String toString() {
			return this.rule.description() + ": " + this.message;
		}

	}

	/**
	 * The rules for writing upgrades that {@code check} enforces, as Invenio-Upgrader
	 * states them.
	 */
	public enum Rule {

		/**
		 * An upgrade is self-contained: its class does not use application code outside
		 * its own package, whose API will have changed when the upgrade runs years later.
		 */
		SELF_CONTAINED("self-contained upgrades", false),

		/**
		 * Every upgrade but a repository's first depends on an earlier upgrade of its
		 * repository: one root per repository.
		 */
		ONE_ROOT_PER_REPOSITORY("one root per repository", false),

		/**
		 * A release depends on every upgrade of its repository dated on or before its
		 * time: the date of the newest upgrade of its repository it depends on.
		 */
		RELEASE_COVERS_ITS_TIME("release covers its time", false),

		/**
		 * The upgrades of a repository with releases that no release covers yet; a note,
		 * never a failure, since upgrades between releases are normal.
		 */
		SINCE_LAST_RELEASE("since the last release", true);

		private final String description;

		private final boolean informational;

		Rule(String description, boolean informational) {
			this.description = description;
			this.informational = informational;
		}

		/**
		 * A short description of the rule, for output.
		 * @return the description
		 */
		public String description() {
			return this.description;
		}

		/**
		 * Whether a warning of this rule is only information, which a strict check does
		 * not turn into a problem.
		 * @return {@code true} for {@link #SINCE_LAST_RELEASE}
		 */
		public boolean informational() {
			return this.informational;
		}

	}

}
