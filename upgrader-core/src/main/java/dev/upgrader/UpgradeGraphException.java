package dev.upgrader;

import java.util.List;

/**
 * The upgrades cannot run: malformed or duplicate ids, missing dependencies or cycles.
 * Carries every problem found, not only the first.
 *
 * @since 0.1.0
 */
public class UpgradeGraphException extends UpgraderException {

	private final List<String> problems;

	/**
	 * Creates the exception.
	 * @param problems one message per problem, each naming the upgrades involved
	 */
	public UpgradeGraphException(List<String> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Every problem found.
	 * @return one message per problem
	 */
	public List<String> getProblems() {
		return this.problems;
	}

	private static String message(List<String> problems) {
		StringBuilder message = new StringBuilder("The upgrade graph is invalid (" + problems.size()
				+ ((problems.size() == 1) ? " problem" : " problems") + "); nothing was run:");
		problems.forEach((problem) -> message.append(System.lineSeparator()).append(" (-) ").append(problem));
		return message.toString();
	}

}
