package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of an SQL file into statements at each delimiter ({@code ;} unless a
 * MySQL {@code DELIMITER} line changes it) that is not inside a string literal, a quoted
 * identifier, a comment or a dollar-quoted body. Comments before a statement are dropped;
 * comments inside one are kept.
 */
final class SqlStatementSplitter {

	private static final String DIRECTIVE = "DELIMITER";

	private final String text;

	private final SqlSyntax syntax;

	private final List<SqlStatement> statements = new ArrayList<>();

	private final StringBuilder current = new StringBuilder();

	private String delimiter = ";";

	private int position;

	private int line = 1;

	private int startLine;

	private SqlStatementSplitter(String text, SqlSyntax syntax) {
		this.text = text;
		this.syntax = syntax;
	}

	/**
	 * Splits a file's text.
	 * @param text the text
	 * @param syntax the syntax of the database the file is written for
	 * @return the statements, in order
	 * @throws SqlFileException for an unterminated string, identifier, comment or body,
	 * naming the line where it starts
	 */
	static List<SqlStatement> split(String text, SqlSyntax syntax) {
		return new SqlStatementSplitter(text, syntax).split();
	}

	private List<SqlStatement> split() {
		int length = this.text.length();
		while (this.position < length) {
			char c = this.text.charAt(this.position);
			if (this.syntax.mysqlClient() && isDirectiveLine()) {
				readDirective();
			}
			else if (this.text.startsWith(this.delimiter, this.position)) {
				endStatement();
				this.position += this.delimiter.length();
			}
			else if (c == '\'') {
				quoted('\'', backslashEscapes(), "string literal");
			}
			else if (c == '"') {
				quoted('"', this.syntax.backslashEscapes(),
						this.syntax.mysqlClient() ? "string literal" : "quoted identifier");
			}
			else if (c == '`' && this.syntax.mysqlClient()) {
				quoted('`', false, "quoted identifier");
			}
			else if (isLineComment(c)) {
				lineComment();
			}
			else if (c == '/' && this.text.startsWith("/*", this.position)) {
				blockComment();
			}
			else if (c == '$' && this.syntax.dollarQuotes() && dollarTag() != null) {
				dollarQuoted(dollarTag());
			}
			else {
				append(this.position + 1, !Character.isWhitespace(c));
			}
		}
		endStatement();
		return this.statements;
	}

	/** A {@code DELIMITER} line between statements: the MySQL client's directive. */
	private boolean isDirectiveLine() {
		int start = this.position;
		if (!this.current.isEmpty() || (start > 0 && this.text.charAt(start - 1) != '\n')) {
			return false;
		}
		int end = start + DIRECTIVE.length();
		return this.text.regionMatches(true, start, DIRECTIVE, 0, DIRECTIVE.length())
				&& (end == this.text.length() || Character.isWhitespace(this.text.charAt(end)));
	}

	private void readDirective() {
		int end = lineEnd(this.position);
		String value = this.text.substring(this.position + DIRECTIVE.length(), end).strip();
		if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
			throw new SqlFileException("line " + this.line + ": '" + this.text.substring(this.position, end).strip()
					+ "' does not name one delimiter");
		}
		this.delimiter = value;
		this.position = end;
	}

	/** Strings take backslash escapes on MySQL, and on PostgreSQL after an E prefix. */
	private boolean backslashEscapes() {
		if (this.syntax.backslashEscapes()) {
			return true;
		}
		int p = this.position;
		return this.syntax == SqlSyntax.POSTGRESQL && p > 0 && Character.toUpperCase(this.text.charAt(p - 1)) == 'E'
				&& (p == 1 || !isIdentifierChar(this.text.charAt(p - 2)));
	}

	private void quoted(char quote, boolean backslashEscapes, String what) {
		int startedAt = this.line;
		int p = this.position + 1;
		int length = this.text.length();
		while (p < length) {
			char c = this.text.charAt(p);
			if (backslashEscapes && c == '\\') {
				p += 2;
			}
			else if (c == quote && p + 1 < length && this.text.charAt(p + 1) == quote) {
				p += 2;
			}
			else if (c == quote) {
				append(p + 1, true);
				return;
			}
			else {
				p++;
			}
		}
		throw unterminated(what, startedAt);
	}

	/** {@code --} comments; on MySQL only when followed by a space, and {@code #} too. */
	private boolean isLineComment(char c) {
		if (c == '#') {
			return this.syntax.mysqlClient();
		}
		if (c != '-' || !this.text.startsWith("--", this.position)) {
			return false;
		}
		int next = this.position + 2;
		return !this.syntax.mysqlClient() || next >= this.text.length()
				|| Character.isWhitespace(this.text.charAt(next));
	}

	private void lineComment() {
		skipOrAppend(lineEnd(this.position), false);
	}

	private void blockComment() {
		int startedAt = this.line;
		int depth = 0;
		int p = this.position;
		int length = this.text.length();
		while (p < length) {
			if (this.text.startsWith("/*", p) && (depth == 0 || this.syntax.nestedComments())) {
				depth++;
				p += 2;
			}
			else if (this.text.startsWith("*/", p)) {
				depth--;
				p += 2;
				if (depth == 0) {
					// MySQL runs the body of /*! ... */ comments.
					skipOrAppend(p, this.syntax.mysqlClient() && this.text.startsWith("/*!", this.position));
					return;
				}
			}
			else {
				p++;
			}
		}
		throw unterminated("comment", startedAt);
	}

	/** The tag of a dollar quote starting here ({@code $$} or {@code $tag$}), or null. */
	private String dollarTag() {
		int p = this.position;
		if (p > 0 && isIdentifierChar(this.text.charAt(p - 1))) {
			return null;
		}
		int end = p + 1;
		while (end < this.text.length() && isIdentifierChar(this.text.charAt(end)) && this.text.charAt(end) != '$') {
			end++;
		}
		if (end >= this.text.length() || this.text.charAt(end) != '$'
				|| (end > p + 1 && Character.isDigit(this.text.charAt(p + 1)))) {
			return null;
		}
		return this.text.substring(p, end + 1);
	}

	private void dollarQuoted(String tag) {
		int close = this.text.indexOf(tag, this.position + tag.length());
		if (close < 0) {
			throw unterminated("dollar-quoted body " + tag, this.line);
		}
		append(close + tag.length(), true);
	}

	private static boolean isIdentifierChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	private int lineEnd(int from) {
		int end = this.text.indexOf('\n', from);
		return (end < 0) ? this.text.length() : end;
	}

	/** A comment: part of the statement once it started, else dropped. */
	private void skipOrAppend(int end, boolean significant) {
		if (!this.current.isEmpty() || significant) {
			append(end, significant);
		}
		else {
			countLines(end);
			this.position = end;
		}
	}

	/**
	 * Adds the text up to {@code end} to the current statement. Leading whitespace is
	 * dropped, so that a statement starts at its first significant character.
	 */
	private void append(int end, boolean significant) {
		if (this.current.isEmpty()) {
			if (!significant) {
				countLines(end);
				this.position = end;
				return;
			}
			this.startLine = this.line;
		}
		this.current.append(this.text, this.position, end);
		countLines(end);
		this.position = end;
	}

	private void countLines(int end) {
		for (int p = this.position; p < end; p++) {
			if (this.text.charAt(p) == '\n') {
				this.line++;
			}
		}
	}

	private void endStatement() {
		String sql = this.current.toString().strip();
		if (!sql.isEmpty()) {
			this.statements.add(new SqlStatement(this.statements.size() + 1, this.startLine, sql));
		}
		this.current.setLength(0);
	}

	private SqlFileException unterminated(String what, int startedAt) {
		return new SqlFileException("unterminated " + what + " starting at line " + startedAt);
	}

}
