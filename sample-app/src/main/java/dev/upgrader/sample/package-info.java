/**
 * The sample application: a small shop whose schema is created and evolved by upgrades.
 */
package dev.upgrader.sample;
