package dev.upgrader.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because the application has several DataSources and
 * nothing says which one the upgrades run on, with the ways to choose.
 */
class UpgraderDataSourceNotChosenFailureAnalyzer extends AbstractFailureAnalyzer<UpgraderDataSourceNotChosenException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UpgraderDataSourceNotChosenException cause) {
		return new FailureAnalysis(cause.getMessage(), action(), cause);
	}

	private static String action() {
		return String.join(System.lineSeparator(), "Choose the DataSource the upgrades run on, one of:",
				"\t- annotate its bean (or @Bean method) with @UpgraderDataSource (package dev.upgrader)",
				"\t- set upgrader.url (with upgrader.user and upgrader.password) to give the upgrades a connection"
						+ " of their own",
				"\t- mark one DataSource @Primary: the upgrades then use it, as the rest of the application does",
				"Or set upgrader.enabled=false if this application does not run upgrades.");
	}

}
