package dev.upgrader.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import javax.lang.model.SourceVersion;

import dev.upgrader.InvalidUpgradeIdException;
import dev.upgrader.UpgradeId;

/**
 * Writes a new upgrade class or SQL upgrade file into a source directory after checking
 * everything the engine would later reject: the package name, the id and the repository
 * parsed back from it, the directory and an existing file.
 */
final class RecipeWriter {

	/**
	 * Checks and writes the source.
	 * @param source the upgrade to write
	 * @param repository the repository the id must parse back to
	 * @param directory the existing directory that receives {@code upgrade_id.java}
	 * @param overwrite whether an existing file may be replaced
	 * @return the file written
	 * @throws UpgraderCommandException naming what is wrong
	 */
	Path write(UpgradeSource source, String repository, Path directory, boolean overwrite) {
		checkPackage(source.packageName());
		return write(source.id(), source.dependsOn(), source.render(), ".java", repository, directory, overwrite);
	}

	/**
	 * Checks and writes an SQL upgrade file.
	 * @param source the upgrade to write
	 * @param repository the repository the id must parse back to
	 * @param directory the existing directory that receives {@code upgrade_id.sql}
	 * @param overwrite whether an existing file may be replaced
	 * @return the file written
	 * @throws UpgraderCommandException naming what is wrong
	 */
	Path write(SqlUpgradeSource source, String repository, Path directory, boolean overwrite) {
		return write(source.id(), source.dependsOn(), source.render(), ".sql", repository, directory, overwrite);
	}

	private Path write(String id, List<String> dependsOn, String content, String extension, String repository,
			Path directory, boolean overwrite) {
		checkId(id, repository);
		dependsOn.forEach(RecipeWriter::checkDependency);
		if (!Files.exists(directory)) {
			throw new UpgraderCommandException("Path does not exist: " + directory
					+ ". Create it first, or name an existing directory with --output.");
		}
		if (!Files.isDirectory(directory)) {
			throw new UpgraderCommandException("Path is not a directory: " + directory);
		}
		Path file = directory.resolve(id + extension);
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8,
					overwrite ? StandardOpenOption.CREATE : StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (FileAlreadyExistsException ex) {
			throw new UpgraderCommandException(
					"Could not generate upgrade - " + file + " already exists. Use --overwrite to replace it.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
		return file;
	}

	private static void checkPackage(String packageName) {
		if (!SourceVersion.isName(packageName)) {
			throw new UpgraderCommandException("'" + packageName + "' is not a Java package name.");
		}
	}

	private static void checkDependency(String id) {
		try {
			UpgradeId.parse(id);
		}
		catch (InvalidUpgradeIdException ex) {
			throw new UpgraderCommandException("Cannot depend on an invalid id: " + ex.getMessage() + ".");
		}
	}

	private static void checkId(String id, String repository) {
		UpgradeId parsed;
		try {
			parsed = UpgradeId.parse(id);
		}
		catch (InvalidUpgradeIdException ex) {
			throw new UpgraderCommandException("Cannot generate an upgrade with an invalid id: " + ex.getMessage()
					+ ". Check --repository and --name.");
		}
		if (!parsed.repository().equals(repository)) {
			throw new UpgraderCommandException("Generated repository name cannot be parsed: " + id
					+ " would belong to repository '" + parsed.repository() + "', not '" + repository
					+ "'. Please override it with the --repository option, or choose another --name.");
		}
	}

}
