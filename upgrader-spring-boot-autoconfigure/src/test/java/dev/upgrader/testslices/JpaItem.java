package dev.upgrader.testslices;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The items table as a JPA entity, for {@code @DataJpaTest}. */
@Entity
@Table(name = "items")
public class JpaItem {

	@Id
	private Long id;

	private String name;

	protected JpaItem() {
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
