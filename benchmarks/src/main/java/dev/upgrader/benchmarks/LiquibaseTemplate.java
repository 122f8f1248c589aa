package dev.upgrader.benchmarks;

/**
 * Fills a Liquibase history table with many applied changesets quickly, as
 * {@link FlywayTemplate} does for Flyway: Liquibase runs the first few for real, and the
 * rest are copies of its first row with their own id and order. Every changeset of the
 * changelog has the same content, hence the same checksum, and Liquibase validates every
 * row against the changelog at each update, so a row that does not look like its own
 * fails the benchmark instead of skewing it.
 */
final class LiquibaseTemplate {

	private static final int APPLIED_BY_LIQUIBASE = 10;

	private LiquibaseTemplate() {
	}

	static void fill(BenchmarkDatabase db, String table, int rows) {
		int real = Math.min(rows, APPLIED_BY_LIQUIBASE);
		Contenders.liquibase(db.dataSource(), table, LiquibaseChangelog.write(real));
		Checks.applied(real, Contenders.liquibaseRows(db, table));
		// The small changelog's file has the full one's name: Liquibase matches a row to
		// a changeset by id, author and file name.
		db.jdbc()
			.update("INSERT INTO " + table + " (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum,"
					+ " description, comments, tag, liquibase, contexts, labels, deployment_id)"
					+ " SELECT CONCAT('cs-', g.n), p.author, p.filename, p.dateexecuted, g.n, p.exectype, p.md5sum,"
					+ " p.description, p.comments, p.tag, p.liquibase, p.contexts, p.labels, p.deployment_id FROM "
					+ table + " p, " + db.numbers(real + 1, rows) + " WHERE p.orderexecuted = 1");
		Checks.applied(rows, Contenders.liquibaseRows(db, table));
	}

}
