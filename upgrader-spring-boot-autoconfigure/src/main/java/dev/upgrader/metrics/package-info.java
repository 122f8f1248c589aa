/**
 * Micrometer meters of Upgrader, fed by an {@link dev.upgrader.UpgradeListener}.
 */
@NullMarked
package dev.upgrader.metrics;

import org.jspecify.annotations.NullMarked;
