package dev.upgrader.integration.flyway;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application whose schema starts with Flyway migrations; its upgrade builds on them.
 */
@SpringBootApplication
public class FlywayApplication {

}
