package dev.upgrader.engine;

/**
 * What a run does when an applied upgrade's checksum differs from the one in the log.
 *
 * @since 0.1.0
 */
public enum OnChangedUpgrade {

	/** Log a warning naming each changed upgrade and run. */
	WARN,

	/** Refuse to run, naming each changed upgrade, until the change is accepted. */
	FAIL

}
