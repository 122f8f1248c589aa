/**
 * The build-time index of upgrade classes, which a packaged application reads instead of
 * scanning {@code upgrader.packages}.
 */
package dev.upgrader.index;
