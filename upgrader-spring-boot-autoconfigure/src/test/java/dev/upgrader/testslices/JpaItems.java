package dev.upgrader.testslices;

import org.springframework.data.jpa.repository.JpaRepository;

/** A Spring Data JPA repository of the items table. */
public interface JpaItems extends JpaRepository<JpaItem, Long> {

}
