/**
 * JMH benchmarks of Upgrader's planning and bookkeeping, with Flyway as a yardstick.
 */
package dev.upgrader.benchmarks;
