/**
 * Upgrades that break the rules: two roots, an upgrade that uses the application, a
 * release that misses an upgrade of its time, and one upgrade after the release.
 */
package dev.upgrader.rulebreaking.upgrades;
