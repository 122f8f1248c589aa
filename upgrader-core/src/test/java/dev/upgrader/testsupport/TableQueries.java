package dev.upgrader.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the failure tests read back from the database.
 */
public final class TableQueries {

	private TableQueries() {
	}

	/** How many times each upgrade recorded an execution in the given table. */
	public static Map<String, Integer> executionCounts(JdbcTemplate jdbc, String executions) {
		Map<String, Integer> counts = new HashMap<>();
		List<String> upgrades = jdbc.queryForList("SELECT upgrade FROM " + executions, String.class);
		upgrades.forEach((upgrade) -> counts.merge(upgrade, 1, Integer::sum));
		return counts;
	}

	/** The number of rows of a table, or {@code null} when it does not exist. */
	public static Integer rowsOrNullIfMissing(JdbcTemplate jdbc, String table) {
		try {
			return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
		}
		catch (BadSqlGrammarException ex) {
			return null;
		}
	}

}
