package dev.upgrader.integration.liquibase;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application whose schema starts with a Liquibase change log; its upgrade builds on
 * it.
 */
@SpringBootApplication
public class LiquibaseApplication {

}
