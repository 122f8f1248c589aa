package dev.upgrader.engine;

import java.util.List;
import java.util.stream.Stream;

import dev.upgrader.testsupport.TestDatabase;

class MariaDbSqlUpgradeContractTests extends AbstractSqlUpgradeContractTests {

	MariaDbSqlUpgradeContractTests() {
		super(TestDatabase.MARIADB, "mysql");
	}

	@Override
	List<String> cleanUpStatements() {
		return List.of("DROP PROCEDURE IF EXISTS T_p");
	}

	@Override
	Stream<SplitCase> databaseCases() {
		return Stream.of(new SplitCase("semicolons in quoted identifiers",
				"INSERT INTO T (`v`) SELECT 'q1' AS `semi;colon`;\nINSERT INTO T (v) VALUES ('q2')", 2, "q1", "q2"),
				new SplitCase("backslash escapes, double-quoted strings and hash comments",
						"# a hash; comment\nINSERT INTO T (v) VALUES ('it\\'s; m1');\n"
								+ "INSERT INTO T (v) VALUES (\"double; \\\" quoted\")",
						2, "it's; m1", "double; \" quoted"),
				new SplitCase("DELIMITER blocks",
						"DELIMITER $$\nCREATE PROCEDURE T_p()\nBEGIN\n  INSERT INTO T (v) VALUES ('p;1');\n"
								+ "  INSERT INTO T (v) VALUES ('p2');\nEND$$\nDELIMITER ;\nCALL T_p();\n"
								+ "DELIMITER //\nCALL T_p() //\nDELIMITER ;",
						3, "p;1", "p2", "p;1", "p2"));
	}

}
