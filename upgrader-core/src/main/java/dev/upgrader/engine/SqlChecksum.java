package dev.upgrader.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The checksum of an SQL upgrade file: SHA-256, in lower-case hex, of its normalised
 * text. Normalising keeps what editors and checkouts change without changing meaning out
 * of the checksum: a byte order mark, line endings ({@code CRLF} and {@code CR} count as
 * {@code LF}), whitespace at the end of a line and blank lines at the end of the file.
 * Everything else, comments and the header included, counts.
 */
final class SqlChecksum {

	private SqlChecksum() {
	}

	/**
	 * Computes the checksum.
	 * @param text the file's text
	 * @return 64 lower-case hex digits
	 */
	static String of(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	static String normalise(String text) {
		String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
		return withoutBom.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).stripTrailing();
	}

}
