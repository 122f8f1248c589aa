package dev.upgrader.benchmarks.tenants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.util.FileSystemUtils;

/**
 * The five upgrades every tenant gets, written once as Upgrader SQL upgrades and once as
 * Flyway versioned migrations with the same statements: create a table, insert rows, add
 * an index, then a second table and its rows.
 */
final class TenantUpgradeFiles {

	/** The rows each insert adds. */
	static final int ROWS = 100;

	private static final List<Step> STEPS = List.of(
			new Step("create_items", "Create the items table",
					"CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, price INTEGER NOT NULL);"),
			new Step("seed_items", "Insert the first items",
					"INSERT INTO items (id, name, price) SELECT g, 'item ' || g, g % 97 FROM generate_series(1, " + ROWS
							+ ") AS g;"),
			new Step("index_item_names", "Index the items by name", "CREATE INDEX items_name ON items (name);"),
			new Step("create_orders", "Create the orders table",
					"CREATE TABLE orders (id BIGINT PRIMARY KEY, item_id BIGINT NOT NULL REFERENCES items (id), "
							+ "quantity INTEGER NOT NULL);"),
			new Step("seed_orders", "Insert the first orders",
					"INSERT INTO orders (id, item_id, quantity) SELECT g, g, 1 + g % 5 FROM generate_series(1, " + ROWS
							+ ") AS g;"));

	private final Path upgrader;

	private final Path flyway;

	private TenantUpgradeFiles(Path upgrader, Path flyway) {
		this.upgrader = upgrader;
		this.flyway = flyway;
	}

	/** Writes both sets under a fresh directory. */
	static TenantUpgradeFiles write(Path directory) throws IOException {
		FileSystemUtils.deleteRecursively(directory);
		Path upgrader = Files.createDirectories(directory.resolve("upgrader"));
		Path flyway = Files.createDirectories(directory.resolve("flyway"));
		String previous = "";
		for (int i = 0; i < STEPS.size(); i++) {
			Step step = STEPS.get(i);
			String id = String.format("bench_2026_01_%02d_%s", i + 1, step.name());
			Files.writeString(upgrader.resolve(id + ".sql"),
					"-- depends-on: " + previous + "\n-- info: " + step.info() + "\n" + step.sql() + "\n");
			Files.writeString(flyway.resolve("V" + (i + 1) + "__" + step.name() + ".sql"), step.sql() + "\n");
			previous = id;
		}
		return new TenantUpgradeFiles(upgrader, flyway);
	}

	/** How many upgrades (or migrations) a tenant gets. */
	static int count() {
		return STEPS.size();
	}

	/** Upgrader's location, as {@code upgrader.sql-locations} takes it. */
	String upgraderLocation() {
		return "file:" + this.upgrader.toAbsolutePath() + "/";
	}

	/** Flyway's location, as {@code locations(...)} takes it. */
	String flywayLocation() {
		return "filesystem:" + this.flyway.toAbsolutePath();
	}

	private record Step(String name, String info, String sql) {

	}

}
