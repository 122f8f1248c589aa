/**
 * The application whose start-up the many-tenants harness measures.
 */
package dev.upgrader.benchmarks.tenants.app;
