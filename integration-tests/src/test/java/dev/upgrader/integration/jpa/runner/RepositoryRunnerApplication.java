package dev.upgrader.integration.jpa.runner;

import dev.upgrader.integration.jpa.model.Book;
import dev.upgrader.integration.jpa.model.BookRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The JPA application in the runner phase, with an upgrade that saves through the Spring
 * Data JPA repository.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Book.class)
@EnableJpaRepositories(basePackageClasses = BookRepository.class)
public class RepositoryRunnerApplication {

}
