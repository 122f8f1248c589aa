package dev.upgrader.engine;

import java.util.stream.Stream;

import dev.upgrader.testsupport.TestDatabase;

class H2SqlUpgradeContractTests extends AbstractSqlUpgradeContractTests {

	H2SqlUpgradeContractTests() {
		super(TestDatabase.H2, "h2");
	}

	@Override
	Stream<SplitCase> databaseCases() {
		return Stream.of(new SplitCase("semicolons in quoted identifiers",
				"INSERT INTO T (\"V\") SELECT 'q1' AS \"semi;colon\";\nINSERT INTO T (v) VALUES ('q2')", 2, "q1", "q2"),
				new SplitCase("semicolons in dollar-quoted strings",
						"INSERT INTO T (v) VALUES ($$d;1$$);\nINSERT INTO T (v) VALUES ($$it's; d2$$)", 2, "d;1",
						"it's; d2"));
	}

}
