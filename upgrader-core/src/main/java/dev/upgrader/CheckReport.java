package dev.upgrader;

import java.util.List;

/**
 * The outcome of {@link Upgrader#check()}.
 *
 * @param pending the upgrades a run would apply, in run order (empty when the graph is
 * invalid)
 * @param problems every problem found; a clean check has none
 * @param ghosts ids recorded in the log that no upgrade in the code has (warnings only)
 * @since 0.1.0
 */
public record CheckReport(List<PendingUpgrade> pending, List<Problem> problems, List<String> ghosts) {

	/**
	 * Whether the check found no problem (ghosts are only warnings).
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

}
