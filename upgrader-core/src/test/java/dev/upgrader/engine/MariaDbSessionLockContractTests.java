package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

class MariaDbSessionLockContractTests extends AbstractSessionLockContractTests {

	MariaDbSessionLockContractTests() {
		super(TestDatabase.MARIADB);
	}

	@Override
	String sessionSettings(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT CONCAT('lock_wait_timeout ', @@session.lock_wait_timeout,"
				+ " ', max_statement_time ', @@session.max_statement_time)", String.class);
	}

	@Override
	int waitingSessions(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.processlist WHERE state = 'User lock'"
				+ " AND db = DATABASE()", Integer.class);
	}

}
