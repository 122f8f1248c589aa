package dev.upgrader;

import java.util.EventObject;

/**
 * Published by an application after it created a fresh database from its current schema.
 * Upgrader then records every known upgrade as applied without running it ("populate
 * existing upgrades"), so later runs only apply newer upgrades. Publish it with
 * {@code ApplicationEventPublisher.publishEvent}; it is a plain event object so that the
 * core needs no Spring context.
 *
 * @since 0.1.0
 */
public class DatabaseCreatedEvent extends EventObject {

	/**
	 * Creates the event.
	 * @param source the component that created the database
	 */
	public DatabaseCreatedEvent(Object source) {
		super(source);
	}

}
