package dev.upgrader.engine;

/**
 * What the statement splitter must know of a database's SQL: which quotes, comments and
 * client directives it has.
 */
enum SqlSyntax {

	/** H2 and other databases: standard quotes and comments, {@code $$} bodies. */
	STANDARD(true, false, false, false),

	/**
	 * PostgreSQL: {@code $tag$} bodies, nested block comments, {@code E'...'} strings
	 * with backslash escapes.
	 */
	POSTGRESQL(true, true, false, false),

	/**
	 * MySQL and MariaDB: backslash escapes in strings, {@code "} quoting strings,
	 * backticks quoting identifiers, {@code #} comments and the client's
	 * {@code DELIMITER} directive.
	 */
	MYSQL(false, false, true, true);

	private final boolean dollarQuotes;

	private final boolean nestedComments;

	private final boolean backslashEscapes;

	private final boolean mysqlClient;

	SqlSyntax(boolean dollarQuotes, boolean nestedComments, boolean backslashEscapes, boolean mysqlClient) {
		this.dollarQuotes = dollarQuotes;
		this.nestedComments = nestedComments;
		this.backslashEscapes = backslashEscapes;
		this.mysqlClient = mysqlClient;
	}

	/**
	 * The syntax of a database.
	 * @param database the database's short name, as {@link DatabaseDialect#name()}
	 * @return its syntax, {@link #STANDARD} for a database not known here
	 */
	static SqlSyntax of(String database) {
		return switch (database) {
			case "postgresql" -> POSTGRESQL;
			case "mysql" -> MYSQL;
			default -> STANDARD;
		};
	}

	boolean dollarQuotes() {
		return this.dollarQuotes;
	}

	boolean nestedComments() {
		return this.nestedComments;
	}

	boolean backslashEscapes() {
		return this.backslashEscapes;
	}

	/** Whether {@code #} comments, backticks and {@code DELIMITER} lines exist. */
	boolean mysqlClient() {
		return this.mysqlClient;
	}

}
