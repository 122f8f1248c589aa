package dev.upgrader.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with left-aligned columns separated by two spaces and a dashed rule
 * under the header. Plain text on purpose: it reads the same in a terminal, in a log file
 * and in a non-interactive run, and needs no terminal library.
 */
final class TextTable {

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	TextTable(String... header) {
		this.header = List.of(header);
	}

	TextTable row(String... cells) {
		if (cells.length != this.header.size()) {
			throw new IllegalArgumentException("Expected " + this.header.size() + " cells but got " + cells.length);
		}
		this.rows.add(List.of(cells));
		return this;
	}

	String render() {
		int[] widths = widths();
		StringBuilder text = new StringBuilder();
		appendLine(text, this.header, widths);
		List<String> rule = new ArrayList<>();
		for (int width : widths) {
			rule.add("-".repeat(width));
		}
		appendLine(text, rule, widths);
		this.rows.forEach((row) -> appendLine(text, row, widths));
		return text.toString();
	}

	private int[] widths() {
		int[] widths = new int[this.header.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.header.get(i).length();
			for (List<String> row : this.rows) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		return widths;
	}

	private static void appendLine(StringBuilder text, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append("  ");
			}
			line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
		}
		text.append(line.toString().stripTrailing()).append(System.lineSeparator());
	}

}
