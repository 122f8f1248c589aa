package dev.upgrader.shell;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.upgrader.UpgraderException;

/**
 * Turns the engine's exceptions into {@link UpgraderCommandException}s, whose messages
 * the shell shows as they are. The engine's messages already name the culprits. A failure
 * with a cause (an upgrade that threw, a database that refused) is logged once with its
 * stack trace, which the shell's one-line message leaves out; a failure without one (bad
 * input, a vetoed check) only at debug level.
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
			if (ex.getCause() != null) {
				logger.error("Upgrader command failed", ex);
			}
			else {
				logger.debug("Upgrader command failed", ex);
			}
			throw new UpgraderCommandException(ex.getMessage());
		}
	}

}
