package dev.upgrader;

import java.util.function.BiFunction;

/**
 * How a run is driven.
 *
 * @param yesIKnow whether the run is unattended: questions get their default answers
 * @param operator answers {@link UpgradeContext#ask(String, String) questions} of an
 * attended run, given the question and the default answer
 * @param listener extra listener for this run only, e.g. a progress display
 * @since 0.1.0
 */
public record RunOptions(boolean yesIKnow, BiFunction<String, String, String> operator, UpgradeListener listener) {

	/**
	 * Options for an unattended run, as at start-up.
	 * @return the options
	 */
	public static RunOptions unattended() {
		return new RunOptions(true, (question, defaultAnswer) -> defaultAnswer, new UpgradeListener() {
		});
	}

}
