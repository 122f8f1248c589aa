package dev.upgrader.engine;

/**
 * One statement of an SQL upgrade file.
 *
 * @param number its position in the file, from 1
 * @param line the line of the file where it starts
 * @param sql the statement, without its delimiter
 */
record SqlStatement(int number, int line, String sql) {

	/**
	 * The statement's first line, which error messages show.
	 * @return the first line
	 */
	String firstLine() {
		int end = this.sql.indexOf('\n');
		return (end < 0) ? this.sql : this.sql.substring(0, end).stripTrailing();
	}

}
