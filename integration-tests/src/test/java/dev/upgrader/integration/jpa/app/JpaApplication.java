package dev.upgrader.integration.jpa.app;

import dev.upgrader.integration.jpa.model.Book;
import dev.upgrader.integration.jpa.model.BookRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * A JPA application ({@code spring.jpa.hibernate.ddl-auto=validate}) whose schema comes
 * from its upgrades: the first creates the table with {@code ctx.jdbc()}, the second
 * takes the application's {@code JdbcTemplate} by constructor.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Book.class)
@EnableJpaRepositories(basePackageClasses = BookRepository.class)
public class JpaApplication {

}
