package dev.upgrader.autoconfigure;

import java.util.List;

/**
 * Thrown when the application has several DataSources and nothing says which one the
 * upgrades run on.
 */
class UpgraderDataSourceNotChosenException extends IllegalStateException {

	UpgraderDataSourceNotChosenException(List<String> beanNames, boolean credentialsOnly) {
		super(message(beanNames, credentialsOnly));
	}

	private static String message(List<String> beanNames, boolean credentialsOnly) {
		String message = "Upgrader cannot choose the DataSource to run the upgrades on: the application has "
				+ beanNames.size() + " DataSource beans (" + String.join(", ", beanNames)
				+ "), none of them primary or marked @UpgraderDataSource, and upgrader.url is not set";
		if (credentialsOnly) {
			message += " (upgrader.user and upgrader.password without upgrader.url take the URL from the"
					+ " application's single DataSource)";
		}
		return message + ".";
	}

}
