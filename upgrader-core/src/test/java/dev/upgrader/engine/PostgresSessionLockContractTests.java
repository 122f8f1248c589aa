package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

class PostgresSessionLockContractTests extends AbstractSessionLockContractTests {

	PostgresSessionLockContractTests() {
		super(TestDatabase.POSTGRESQL);
	}

	@Override
	String sessionSettings(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT 'application_name ' || current_setting('application_name')"
				+ " || ', lock_timeout ' || current_setting('lock_timeout')"
				+ " || ', statement_timeout ' || current_setting('statement_timeout')", String.class);
	}

	@Override
	int waitingSessions(JdbcTemplate jdbc) {
		return jdbc.queryForObject(
				"SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
						+ " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
				Integer.class);
	}

}
