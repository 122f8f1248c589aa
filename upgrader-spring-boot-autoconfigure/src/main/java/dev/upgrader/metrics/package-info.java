/**
 * Micrometer meters and observations of Upgrader, fed by
 * {@link dev.upgrader.UpgradeListener} events.
 */
@NullMarked
package dev.upgrader.metrics;

import org.jspecify.annotations.NullMarked;
