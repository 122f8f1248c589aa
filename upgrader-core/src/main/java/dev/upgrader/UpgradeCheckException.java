package dev.upgrader;

import java.util.List;

/**
 * Pre-upgrade checks vetoed a run, or post-upgrade checks failed after it.
 *
 * @since 0.1.0
 */
public class UpgradeCheckException extends UpgraderException {

	private final List<CheckReport.Problem> problems;

	/**
	 * Creates the exception.
	 * @param stage {@code "Pre-upgrade"} or {@code "Post-upgrade"}
	 * @param problems the failures, grouped per upgrade
	 */
	public UpgradeCheckException(String stage, List<CheckReport.Problem> problems) {
		super(message(stage, problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The failures, grouped per upgrade.
	 * @return the problems
	 */
	public List<CheckReport.Problem> getProblems() {
		return this.problems;
	}

	private static String message(String stage, List<CheckReport.Problem> problems) {
		StringBuilder message = new StringBuilder();
		for (CheckReport.Problem problem : problems) {
			if (!message.isEmpty()) {
				message.append(System.lineSeparator());
			}
			message.append(stage).append(" check for ").append(problem.subject()).append(" failed:");
			problem.messages().forEach((line) -> message.append(System.lineSeparator()).append(" (-) ").append(line));
		}
		return message.toString();
	}

}
