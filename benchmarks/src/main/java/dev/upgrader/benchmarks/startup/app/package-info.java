/**
 * The application the start-up harness starts: nothing but Spring Boot, JDBC and the
 * migration tool under test.
 */
package dev.upgrader.benchmarks.startup.app;
