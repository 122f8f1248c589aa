/**
 * Spring Boot auto-configuration of Upgrader: the engine beans, upgrade discovery, the
 * start-up run and the populate listener.
 */
@NullMarked
package dev.upgrader.autoconfigure;

import org.jspecify.annotations.NullMarked;
