/**
 * The engine: id parsing, the upgrade graph, planning, the log table, the lock and the
 * run sequence. A plain library on Spring JDBC, free of Spring Boot and Spring Shell.
 */
@NullMarked
package dev.upgrader.engine;

import org.jspecify.annotations.NullMarked;
