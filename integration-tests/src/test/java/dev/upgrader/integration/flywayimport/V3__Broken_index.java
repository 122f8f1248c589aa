package dev.upgrader.integration.flywayimport;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A Flyway migration that fails outside a transaction, so that Flyway records it as
 * failed ({@code success = false}) on every database.
 */
public class V3__Broken_index extends BaseJavaMigration {

	@Override
	public boolean canExecuteInTransaction() {
		return false;
	}

	@Override
	public void migrate(Context context) {
		String prefix = context.getConfiguration().getPlaceholders().get("prefix");
		new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true))
			.execute("CREATE INDEX " + prefix + "_missing_idx ON " + prefix + "_missing (nothing)");
	}

}
