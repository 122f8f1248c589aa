package dev.upgrader.engine;

import java.util.List;
import java.util.stream.Stream;

import dev.upgrader.testsupport.TestDatabase;

class PostgresSqlUpgradeContractTests extends AbstractSqlUpgradeContractTests {

	PostgresSqlUpgradeContractTests() {
		super(TestDatabase.POSTGRESQL, "postgresql");
	}

	@Override
	List<String> cleanUpStatements() {
		return List.of("DROP FUNCTION IF EXISTS T_f()");
	}

	@Override
	Stream<SplitCase> databaseCases() {
		return Stream.of(new SplitCase("semicolons in quoted identifiers",
				"INSERT INTO T (\"v\") SELECT 'q1' AS \"semi;colon\";\nINSERT INTO T (v) VALUES ('q2')", 2, "q1", "q2"),
				new SplitCase("dollar-quoted bodies",
						"DO $$ BEGIN INSERT INTO T (v) VALUES ('d;1'); INSERT INTO T (v) VALUES ('d2'); END $$;\n"
								+ "CREATE FUNCTION T_f() RETURNS void AS $body$\nBEGIN\n"
								+ "  INSERT INTO T (v) VALUES ('$$ inside; $body2$');\nEND;\n$body$ LANGUAGE plpgsql;\n"
								+ "SELECT T_f();",
						3, "d;1", "d2", "$$ inside; $body2$"),
				new SplitCase("nested block comments and E strings",
						"/* outer /* inner; */ still; comment */ INSERT INTO T (v) VALUES (E'it\\'s; e');\n"
								+ "INSERT INTO T (v) VALUES ('back\\slash')",
						2, "it's; e", "back\\slash"));
	}

}
