package dev.upgrader.engine;

/**
 * Something wrong in one SQL upgrade file; the reader prefixes the file's name.
 */
final class SqlFileException extends RuntimeException {

	SqlFileException(String message) {
		super(message);
	}

}
