/**
 * The many-tenants harness (issue #13): Upgrader's tenant runner against a loop of Flyway
 * runs over the same PostgreSQL schemas.
 */
package dev.upgrader.benchmarks.tenants;
