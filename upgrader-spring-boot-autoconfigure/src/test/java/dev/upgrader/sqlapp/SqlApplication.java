package dev.upgrader.sqlapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application of a user's shape: Java upgrades in its package, SQL upgrade files on
 * its class path under {@code sqlapp/db/upgrades}.
 */
@SpringBootApplication
public class SqlApplication {

}
