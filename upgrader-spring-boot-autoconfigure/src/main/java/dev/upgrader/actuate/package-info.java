/**
 * Actuator support of Upgrader: the {@code upgrader} endpoint, the health indicator and
 * the run state they report.
 */
@NullMarked
package dev.upgrader.actuate;

import org.jspecify.annotations.NullMarked;
