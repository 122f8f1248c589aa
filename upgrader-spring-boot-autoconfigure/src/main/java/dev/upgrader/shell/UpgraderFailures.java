package dev.upgrader.shell;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.upgrader.UpgraderException;

/**
 * Turns the engine's exceptions into {@link UpgraderCommandException}s, whose messages
 * the shell shows as they are. The engine's messages already name the culprits; the stack
 * trace is logged at debug level for whoever needs it.
 */
final class UpgraderFailures {

	private static final Log logger = LogFactory.getLog(UpgraderFailures.class);

	private UpgraderFailures() {
	}

	static <T> T translate(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (UpgraderException ex) {
			logger.debug("Upgrader command failed", ex);
			throw new UpgraderCommandException(ex.getMessage());
		}
	}

}
