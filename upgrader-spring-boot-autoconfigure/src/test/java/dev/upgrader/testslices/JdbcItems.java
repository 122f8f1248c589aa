package dev.upgrader.testslices;

import org.springframework.data.repository.ListCrudRepository;

/** A Spring Data JDBC repository of the items table. */
public interface JdbcItems extends ListCrudRepository<JdbcItem, Long> {

}
