/**
 * The whole-application start-up harness (#14): the same Spring Boot application started
 * in fresh JVMs with each migration tool and nothing pending.
 */
package dev.upgrader.benchmarks.startup;
