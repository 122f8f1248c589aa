package dev.upgrader;

import java.time.Duration;
import java.util.List;

/**
 * What a run did.
 *
 * @param applied the ids applied, in order
 * @param warnings the warnings raised by upgrades and checks, ghosts included
 * @param took the wall-clock time of the run, lock wait included
 * @since 0.1.0
 */
public record RunResult(List<String> applied, List<String> warnings, Duration took) {

}
