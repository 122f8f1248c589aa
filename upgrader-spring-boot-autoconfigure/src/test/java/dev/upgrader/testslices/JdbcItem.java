package dev.upgrader.testslices;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The items table as a Spring Data JDBC aggregate, for {@code @DataJdbcTest}. The name is
 * in upper case because Spring Data JDBC quotes it and H2, the slice's embedded database,
 * folds the unquoted name of the upgrade's {@code CREATE TABLE} to upper case.
 *
 * @param id the id
 * @param name the name
 */
@Table("ITEMS")
public record JdbcItem(@Id Long id, String name) {

}
