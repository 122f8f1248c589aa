package dev.upgrader.engine;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgraderException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Reads a Flyway schema history table with plain JDBC (Flyway need not be on the class
 * path). Flyway quotes its names, so the table is looked up in the metadata as written,
 * upper and lower case, and queried under the name found; columns are read by label,
 * which JDBC matches ignoring case.
 */
final class FlywayHistory {

	private static final Pattern TABLE = Pattern.compile("([A-Za-z][A-Za-z0-9_]*\\.)?[A-Za-z][A-Za-z0-9_]*");

	private final JdbcTemplate jdbc;

	private final DatabaseDialect dialect;

	FlywayHistory(JdbcTemplate jdbc, DatabaseDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * The rows of the history, in Flyway's order.
	 * @throws UpgraderException when the name is not a plain (optionally
	 * schema-qualified) identifier or the table does not exist
	 */
	List<Row> read(@Nullable String table) {
		if (table == null || !TABLE.matcher(table).matches()) {
			throw new UpgraderException("Invalid Flyway history table '" + table
					+ "': use a plain SQL identifier, optionally schema-qualified (schema.table)");
		}
		String found = find(table);
		if (found == null) {
			throw new UpgraderException("No Flyway history table " + table
					+ " in this database: give its name (spring.flyway.table, by default flyway_schema_history)");
		}
		return this.jdbc.query("SELECT * FROM " + found, (result, rowNum) -> row(result))
			.stream()
			.sorted(Comparator.comparingInt(Row::rank))
			.toList();
	}

	private @Nullable String find(String table) {
		try {
			return JdbcUtils.extractDatabaseMetaData(this.jdbc.getDataSource(), (metaData) -> find(metaData, table));
		}
		catch (Exception ex) {
			throw new UpgraderException("Cannot read the database metadata to find the Flyway history table " + table
					+ ": " + RootCause.message(ex), ex);
		}
	}

	private @Nullable String find(DatabaseMetaData metaData, String table) throws SQLException {
		int dot = table.indexOf('.');
		String name = table.substring(dot + 1);
		String schema = (dot > 0) ? table.substring(0, dot) : this.dialect.schema(metaData.getConnection(), name);
		String catalog = metaData.getConnection().getCatalog();
		String quote = metaData.getIdentifierQuoteString().strip();
		for (String schemaCandidate : candidates(schema)) {
			for (String candidate : candidates(name)) {
				try (ResultSet tables = metaData.getTables(catalog, schemaCandidate, candidate,
						new String[] { "TABLE" })) {
					if (tables.next()) {
						String qualifier = (dot > 0) ? quote + tables.getString("TABLE_SCHEM") + quote + "." : "";
						return qualifier + quote + tables.getString("TABLE_NAME") + quote;
					}
				}
			}
		}
		return null;
	}

	private static List<@Nullable String> candidates(@Nullable String name) {
		if (name == null) {
			return Collections.singletonList(null);
		}
		return List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
	}

	private static Row row(ResultSet result) throws SQLException {
		return new Row(result.getInt("installed_rank"), result.getString("version"), result.getString("description"),
				result.getString("type"), result.getString("script"), result.getString("installed_by"),
				result.getObject("installed_on", LocalDateTime.class), result.getInt("execution_time"),
				result.getBoolean("success"));
	}

	/**
	 * A row of the history.
	 *
	 * @param rank {@code installed_rank}
	 * @param version the version, {@code null} for a repeatable migration
	 * @param description the description Flyway took from the file or class name
	 * @param type {@code SQL}, {@code JDBC}, {@code BASELINE}, {@code SCHEMA},
	 * {@code DELETE}, {@code UNDO_SQL}...
	 * @param script the file or class
	 * @param installedBy the database user
	 * @param installedOn when, as Flyway stored it
	 * @param executionMillis how long it took
	 * @param success whether it succeeded
	 */
	record Row(int rank, @Nullable String version, String description, String type, String script, String installedBy,
			LocalDateTime installedOn, int executionMillis, boolean success) {

		String label() {
			return "installed_rank " + this.rank + " " + ((this.version != null) ? "V" + this.version : this.type)
					+ " (" + this.script + ")";
		}

	}

}
