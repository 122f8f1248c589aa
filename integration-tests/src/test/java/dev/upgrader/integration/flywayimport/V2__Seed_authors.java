package dev.upgrader.integration.flywayimport;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A Flyway Java migration, recorded by Flyway with the type JDBC. */
public class V2__Seed_authors extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		String prefix = context.getConfiguration().getPlaceholders().get("prefix");
		new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true))
			.update("INSERT INTO " + prefix + "_author (id, name) VALUES (1, 'Le Guin')");
	}

}
