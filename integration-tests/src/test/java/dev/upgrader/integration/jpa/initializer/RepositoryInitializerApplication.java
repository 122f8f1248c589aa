package dev.upgrader.integration.jpa.initializer;

import dev.upgrader.integration.jpa.model.Book;
import dev.upgrader.integration.jpa.model.BookRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The JPA application with default settings (so the initializer phase) and an upgrade
 * that takes the repository: it cannot be created before the upgrades ran.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Book.class)
@EnableJpaRepositories(basePackageClasses = BookRepository.class)
public class RepositoryInitializerApplication {

}
