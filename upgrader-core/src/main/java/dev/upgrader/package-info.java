/**
 * The public API of Upgrader: the {@link dev.upgrader.Upgrade} contract, the
 * {@link dev.upgrader.Upgrader} facade, the events and the exceptions.
 */
@NullMarked
package dev.upgrader;

import org.jspecify.annotations.NullMarked;
