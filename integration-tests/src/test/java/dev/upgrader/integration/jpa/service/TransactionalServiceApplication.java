package dev.upgrader.integration.jpa.service;

import dev.upgrader.integration.jpa.model.Book;
import dev.upgrader.integration.jpa.model.BookRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The JPA application with default settings (so the initializer phase) and an upgrade
 * that calls a {@code @Transactional} service: the service is created, but its
 * transaction needs JPA's transaction manager, which waits for the upgrades.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Book.class)
@EnableJpaRepositories(basePackageClasses = BookRepository.class)
public class TransactionalServiceApplication {

}
