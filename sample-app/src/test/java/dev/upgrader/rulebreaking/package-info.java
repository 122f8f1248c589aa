/**
 * An application whose upgrades break the rules for writing upgrades.
 */
package dev.upgrader.rulebreaking;
