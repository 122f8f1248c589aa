package dev.upgrader.engine;

import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

class H2SessionLockContractTests extends AbstractSessionLockContractTests {

	H2SessionLockContractTests() {
		super(TestDatabase.H2);
	}

	@Override
	String sessionSettings(JdbcTemplate jdbc) {
		return "LOCK_TIMEOUT " + jdbc.queryForObject("SELECT LOCK_TIMEOUT()", Integer.class) + ", auto-commit "
				+ jdbc.execute((java.sql.Connection connection) -> connection.getAutoCommit());
	}

	@Override
	int waitingSessions(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL",
				Integer.class);
	}

}
