package dev.upgrader;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * One tenant that the upgrades run on: a named database, or a schema inside one. Each
 * target has its own log table and lock, inside its schema when it has one.
 *
 * @param name the tenant's name, shown by operators' commands and given to upgrades by
 * {@link UpgradeContext#tenant()}
 * @param dataSource the database
 * @param schema the schema to upgrade (a PostgreSQL or H2 schema, a MariaDB/MySQL
 * database), created when missing; {@code null} to upgrade the connections' default
 * schema
 * @since 0.1.0
 */
public record UpgradeTarget(String name, DataSource dataSource, @Nullable String schema) {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

	/**
	 * Validates the target.
	 * @throws UpgraderException when the name is blank or the schema is not a plain SQL
	 * identifier, naming it
	 */
	public UpgradeTarget {
		if (name == null || name.isBlank()) {
			throw new UpgraderException("An upgrade target needs a name (schema " + schema + ")");
		}
		if (schema != null && !PLAIN_IDENTIFIER.matcher(schema).matches()) {
			throw new UpgraderException("Invalid schema '" + schema + "' of tenant '" + name
					+ "': use a plain SQL identifier (a letter, then letters, digits or '_', at most 63 characters)");
		}
	}

	/**
	 * A target upgrading a whole database, through its connections' default schema.
	 * @param name the tenant's name
	 * @param dataSource the database
	 * @return the target
	 */
	public static UpgradeTarget of(String name, DataSource dataSource) {
		return new UpgradeTarget(name, dataSource, null);
	}

	/**
	 * A target upgrading one schema of a database, named after the schema.
	 * @param dataSource the database
	 * @param schema the schema, created when missing
	 * @return the target
	 */
	public static UpgradeTarget schema(DataSource dataSource, String schema) {
		return new UpgradeTarget(schema, dataSource, schema);
	}

}
