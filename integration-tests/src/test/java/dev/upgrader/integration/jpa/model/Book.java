package dev.upgrader.integration.jpa.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The JPA application's one entity; its table is created by an upgrade. */
@Entity
@Table(name = "it_book")
public class Book {

	@Id
	private Long id;

	private String title;

	protected Book() {
	}

	public Book(Long id, String title) {
		this.id = id;
		this.title = title;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

}
