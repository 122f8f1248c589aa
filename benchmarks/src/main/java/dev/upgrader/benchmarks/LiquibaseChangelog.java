package dev.upgrader.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Liquibase's counterpart of {@link NoOpUpgrade}: an XML changelog of changesets
 * {@code cs-1} to {@code cs-N}, each a no-op {@code SELECT 1}, written to a directory of
 * its own once per trial. Liquibase parses it at every update, as at every start of an
 * application.
 *
 * @param directory the directory that holds it
 * @param file its name, also the {@code filename} of Liquibase's rows
 */
record LiquibaseChangelog(Path directory, String file) {

	static final String AUTHOR = "bench";

	/** Writes the changelog of {@code count} changesets. */
	static LiquibaseChangelog write(int count) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
				+ " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
				+ " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
				+ " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
		for (int i = 1; i <= count; i++) {
			xml.append("  <changeSet id=\"")
				.append(id(i))
				.append("\" author=\"" + AUTHOR + "\"><sql>SELECT 1</sql></changeSet>\n");
		}
		xml.append("</databaseChangeLog>\n");
		try {
			Path directory = Files.createTempDirectory("bench-liquibase");
			directory.toFile().deleteOnExit();
			Path file = Files.writeString(directory.resolve("changelog.xml"), xml);
			file.toFile().deleteOnExit();
			return new LiquibaseChangelog(directory, file.getFileName().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The id of changeset {@code i}, from 1. */
	static String id(int i) {
		return "cs-" + i;
	}

}
