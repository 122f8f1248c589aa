package dev.upgrader.engine;

import org.springframework.core.NestedExceptionUtils;

/**
 * The innermost cause of a failure, which names what the database or driver refused.
 */
final class RootCause {

	private RootCause() {
	}

	/**
	 * Returns the message of the most specific cause.
	 * @param failure the failure
	 * @return the message, or the cause's class name when it has none
	 */
	static String message(Throwable failure) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getName();
	}

}
