/**
 * The Upgrader test kit: {@link dev.upgrader.test.UpgraderAssertions} checks an
 * application's upgrades against the rules for writing upgrades and runs them from
 * scratch on a {@link dev.upgrader.test.FreshDatabase}.
 */
@NullMarked
package dev.upgrader.test;

import org.jspecify.annotations.NullMarked;
