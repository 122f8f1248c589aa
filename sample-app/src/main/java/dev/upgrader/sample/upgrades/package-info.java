/**
 * The sample's upgrades, in two repositories, {@code shop} and {@code billing}.
 */
package dev.upgrader.sample.upgrades;
