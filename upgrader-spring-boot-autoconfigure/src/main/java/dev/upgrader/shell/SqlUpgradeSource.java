package dev.upgrader.shell;

import java.util.List;

/**
 * The text of a new SQL upgrade file: the header the engine reads, and no statement yet,
 * so that the application refuses to start until the author wrote them.
 *
 * @param id the upgrade id, which is also the file name
 * @param info the {@code -- info:} line
 * @param dependsOn the ids it depends on
 * @param dependsOnNote why these dependencies were chosen, written above them for the
 * author to verify
 */
record SqlUpgradeSource(String id, String info, List<String> dependsOn, String dependsOnNote) {

	private static final String TEMPLATE = """
			-- %1$s
			-- Please verify that this upgrade really depends on these and on nothing else.
			-- depends-on: %2$s
			-- info: %3$s
			-- estimate: 1s

			-- The statements, each ending with a semicolon, run in order in the upgrade's transaction, e.g.
			-- ALTER TABLE products ADD COLUMN stock INT;
			-- A file %4$s.<database>.sql (h2, postgresql or mysql) beside this one replaces it on that database.
			""";

	/**
	 * Renders the file.
	 * @return the content of {@code upgrade_id.sql}
	 */
	String render() {
		return TEMPLATE.formatted(this.dependsOnNote, String.join(", ", this.dependsOn), this.info, this.id);
	}

}
