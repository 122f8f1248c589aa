/**
 * The {@code upgrader} admin commands for Spring Shell: listing, checking, running and
 * populating upgrades, drawing the graph and generating new upgrade classes.
 */
@NullMarked
package dev.upgrader.shell;

import org.jspecify.annotations.NullMarked;
