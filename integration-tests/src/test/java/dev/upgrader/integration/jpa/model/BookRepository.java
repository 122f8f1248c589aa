package dev.upgrader.integration.jpa.model;

import org.springframework.data.jpa.repository.JpaRepository;

/** A Spring Data JPA repository of the books. */
public interface BookRepository extends JpaRepository<Book, Long> {

}
