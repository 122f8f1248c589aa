package dev.upgrader;

import org.springframework.context.ApplicationEvent;

/**
 * Published by an application after it created a fresh database from its current schema.
 * Upgrader then records every known upgrade as applied without running it ("populate
 * existing upgrades"), so later runs only apply newer upgrades.
 *
 * @since 0.1.0
 */
public class DatabaseCreatedEvent extends ApplicationEvent {

	/**
	 * Creates the event.
	 * @param source the component that created the database
	 */
	public DatabaseCreatedEvent(Object source) {
		super(source);
	}

}
