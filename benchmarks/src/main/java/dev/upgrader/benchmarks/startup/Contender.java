package dev.upgrader.benchmarks.startup;

import java.util.ArrayList;
import java.util.List;

/**
 * The start-up contenders of issue #14, each the same application with one migration tool
 * enabled by properties, and the table that proves the tool applied its N upgrades.
 */
enum Contender {

	/** (a) No migration tool: the baseline every other contender's added time is over. */
	NONE("a", "no migration tool", null),

	/** (b) Upgrader with N Java upgrades found by package scan. */
	UPGRADER_JAVA("b", "Upgrader, N Java upgrades (package scan)", "upgrader_log", "--upgrader.enabled=true",
			"--upgrader.packages=" + GeneratedMigrations.UPGRADES_PACKAGE),

	/**
	 * (c) Upgrader with N SQL upgrades, and the default {@code upgrader.packages} (the
	 * application's package, no Java upgrade).
	 */
	UPGRADER_SQL("c", "Upgrader, N SQL upgrades", "upgrader_log", "--upgrader.enabled=true",
			"--upgrader.sql-locations=" + GeneratedMigrations.UPGRADER_SQL_LOCATION),

	/** (d) Flyway 13 with N SQL migrations. */
	FLYWAY_SQL("d", "Flyway 13, N SQL migrations", "flyway_schema_history", "--spring.flyway.enabled=true",
			"--spring.flyway.locations=" + GeneratedMigrations.FLYWAY_SQL_LOCATION),

	/** (e) Flyway 13 with N Java migrations, found by Flyway's class path scan. */
	FLYWAY_JAVA("e", "Flyway 13, N Java migrations", "flyway_schema_history", "--spring.flyway.enabled=true",
			"--spring.flyway.locations=" + GeneratedMigrations.FLYWAY_JAVA_LOCATION),

	/** (f) Liquibase 4.33 with N changesets in one XML changelog. */
	LIQUIBASE("f", "Liquibase 4.33, N changesets", "databasechangelog", "--spring.liquibase.enabled=true",
			"--spring.liquibase.change-log=" + GeneratedMigrations.LIQUIBASE_CHANGELOG),

	/**
	 * (g) As (b), the upgrades listed at build time by {@code upgrader-index}: the same
	 * jar with the index, so that nothing is scanned.
	 */
	UPGRADER_JAVA_INDEXED("g", "Upgrader, N Java upgrades (build-time index)", "upgrader_log", true,
			"--upgrader.enabled=true", "--upgrader.packages=" + GeneratedMigrations.UPGRADES_PACKAGE);

	private final String letter;

	private final String description;

	private final String table;

	private final boolean indexed;

	private final List<String> arguments;

	Contender(String letter, String description, String table, String... enabling) {
		this(letter, description, table, false, enabling);
	}

	Contender(String letter, String description, String table, boolean indexed, String... enabling) {
		this.letter = letter;
		this.description = description;
		this.table = table;
		this.indexed = indexed;
		List<String> arguments = new ArrayList<>(List.of(enabling));
		// Each switch once: Boot joins a repeated option's values with commas.
		for (String tool : List.of("upgrader", "spring.flyway", "spring.liquibase")) {
			String enabled = "--" + tool + ".enabled=";
			if (arguments.stream().noneMatch((argument) -> argument.startsWith(enabled))) {
				arguments.add(enabled + "false");
			}
		}
		this.arguments = List.copyOf(arguments);
	}

	String letter() {
		return this.letter;
	}

	String description() {
		return this.description;
	}

	/**
	 * The query that counts the applied upgrades in {@link #table()}: Flyway 13 records
	 * the history table's creation as a row of its own on some databases (H2, not
	 * PostgreSQL), without a version, and quotes its lower-case names.
	 */
	String countQuery() {
		return this.table.startsWith("flyway")
				? "SELECT count(*) FROM \"" + this.table + "\" WHERE \"version\" IS NOT NULL"
				: "SELECT count(*) FROM " + this.table;
	}

	/**
	 * The table holding one row per applied upgrade, or {@code null} for the baseline.
	 */
	String table() {
		return this.table;
	}

	/**
	 * Whether this contender's jar of generated classes has Upgrader's index; the others
	 * get the same jar without it.
	 */
	boolean indexed() {
		return this.indexed;
	}

	/** The Spring Boot arguments that enable this contender's tool and no other. */
	List<String> arguments() {
		return this.arguments;
	}

}
