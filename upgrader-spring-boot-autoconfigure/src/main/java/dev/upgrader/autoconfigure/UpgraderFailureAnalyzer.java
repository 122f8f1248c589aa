package dev.upgrader.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.upgrader.ChangedUpgradeException;
import dev.upgrader.UpgradeCheckException;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.UpgradeLockException;
import dev.upgrader.UpgraderException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanCurrentlyInCreationException;
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

	/**
	 * The outermost bean that an upgrade's call tried to create and that, through its
	 * dependencies, needs a bean still being created: the start-up run's own.
	 */
	private static @Nullable BeanCreationException beanWaitingForTheUpgrades(UpgradeFailedException failed) {
		BeanCreationException outermost = null;
		boolean waitsForUs = false;
		for (Throwable cause = failed.getCause(); cause != null
				&& cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof BeanCreationException creation && outermost == null) {
				outermost = creation;
			}
			waitsForUs |= cause instanceof BeanCurrentlyInCreationException;
		}
		return waitsForUs ? outermost : null;
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
		if (cause instanceof UpgradeFailedException failed) {
			BeanCreationException waiting = beanWaitingForTheUpgrades(failed);
			if (waiting != null) {
				return "Upgrade " + failed.getUpgradeId() + " called bean '" + waiting.getBeanName()
						+ "', which can only be created after the upgrades ran: in the initializer phase they run"
						+ " before JPA and the beans that need it. Inside upgrades use ctx.jdbc() (or the"
						+ " application's JdbcTemplate), or set upgrader.auto-run-phase=runner to run them after the"
						+ " context started. Nothing of this upgrade was recorded; it will be retried.";
			}
			return "Review the database, fix the failed upgrade (or the data it trips on) and start again: it will be"
					+ " retried. Upgrades applied before it stay recorded.";
		}
		if (cause instanceof ChangedUpgradeException) {
			return "Revert the change to each upgrade named above and write a new upgrade for it, or after review record"
					+ " its new checksum with 'upgrader accept-change ID --yes-i-know' (upgrader.on-changed-upgrade=warn"
					+ " only warns). Nothing was applied.";
		}
		if (cause instanceof UpgradeLockException) {
			return "Wait for the other instance's run to finish, or raise upgrader.lock.wait-timeout.";
		}
		return "Check the upgrader.* configuration and the database connection.";
	}

}
