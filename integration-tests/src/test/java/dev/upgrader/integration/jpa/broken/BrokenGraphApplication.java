package dev.upgrader.integration.jpa.broken;

import dev.upgrader.integration.jpa.model.Book;
import dev.upgrader.integration.jpa.model.BookRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * A JPA application whose upgrade names a dependency that does not exist: it must not
 * start, and the failure analysis names the upgrade, not only the JPA beans waiting for
 * it.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Book.class)
@EnableJpaRepositories(basePackageClasses = BookRepository.class)
public class BrokenGraphApplication {

}
