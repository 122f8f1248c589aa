package dev.upgrader.testslices;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the slice tests of this package find: its package holds the upgrade,
 * the entity and the repositories. Outside {@code dev.upgrader.autoconfigure}, so that
 * the whole applications started there do not scan them.
 */
@SpringBootApplication
public class SliceTestApplication {

}
