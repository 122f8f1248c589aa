package dev.upgrader.benchmarks;

import java.util.List;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Fills a Flyway history table with many applied migrations quickly. Letting Flyway apply
 * 10,000 migrations takes minutes (its cost per migration grows with the history, which
 * is what the bookkeeping benchmark shows), so Flyway applies the first few for real and
 * the rest are copies of its first row with their own version and description. Flyway
 * validates every row against the code at each {@code migrate()}, so a row that does not
 * look like Flyway's own fails the benchmark instead of skewing it.
 */
final class FlywayTemplate {

	private static final int APPLIED_BY_FLYWAY = 10;

	private FlywayTemplate() {
	}

	static void fill(BenchmarkDatabase db, String schema, String table, List<JavaMigration> migrations, int rows) {
		int real = Math.min(rows, APPLIED_BY_FLYWAY);
		Checks.applied(real, Contenders.flyway(db.dataSource(), schema, table, migrations.subList(0, real))
			.migrate().migrationsExecuted);
		String qualified = schema + "." + table;
		// Versions and ranks are 1-based and equal here.
		db.jdbc()
			.update("INSERT INTO " + qualified + " (installed_rank, version, description, type, script, checksum,"
					+ " installed_by, installed_on, execution_time, success) SELECT g.n, CONCAT('', g.n),"
					+ " CONCAT('Synthetic migration ', g.n), p.type, p.script, p.checksum, p.installed_by,"
					+ " p.installed_on, p.execution_time, p.success FROM " + qualified + " p, "
					+ db.numbers(real + 1, rows) + " WHERE p.installed_rank = 1");
		Checks.applied(rows, db.jdbc().queryForObject("SELECT count(*) FROM " + qualified, Integer.class));
	}

}
