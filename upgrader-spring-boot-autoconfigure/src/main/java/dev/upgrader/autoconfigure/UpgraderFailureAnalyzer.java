package dev.upgrader.autoconfigure;

import dev.upgrader.UpgradeCheckException;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.UpgradeLockException;
import dev.upgrader.UpgraderException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

/**
 * Turns Upgrader's start-up failures into a description and an action. The description
 * ends with the root cause's message when Upgrader's message does not already hold it.
 */
class UpgraderFailureAnalyzer extends AbstractFailureAnalyzer<UpgraderException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UpgraderException cause) {
		return new FailureAnalysis(description(cause), action(cause), cause);
	}

	private static String description(UpgraderException cause) {
		String message = String.valueOf(cause.getMessage());
		Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
		String rootMessage = root.getMessage();
		return (root == cause || rootMessage == null || message.contains(rootMessage)) ? message
				: message + System.lineSeparator() + "Root cause: " + rootMessage;
	}

	private static String action(UpgraderException cause) {
		if (cause instanceof UpgradeGraphException) {
			return "Fix the upgrade classes and SQL files named above: give each a unique"
					+ " <repository>_<yyyy>_<mm>_<dd>_<name> id, make every dependsOn id exist, and break each cycle."
					+ " Nothing was applied.";
		}
		if (cause instanceof UpgradeCheckException) {
			return "Resolve what the checks report, then start the application again.";
		}
		if (cause instanceof UpgradeFailedException) {
			return "Review the database, fix the failed upgrade (or the data it trips on) and start again: it will be"
					+ " retried. Upgrades applied before it stay recorded.";
		}
		if (cause instanceof UpgradeLockException) {
			return "Wait for the other instance's run to finish, or raise upgrader.lock.wait-timeout.";
		}
		return "Check the upgrader.* configuration and the database connection.";
	}

}
