package dev.upgrader.benchmarks.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;
import dev.upgrader.index.UpgradeIndexProcessor;

/**
 * Writes the N upgrades or migrations of each contender into a jar the child JVMs get on
 * their class path: Java sources compiled (with Upgrader's index processor), SQL files
 * and a Liquibase changelog as resources. Every one is a no-op, since the harness starts
 * with all of them applied.
 */
final class GeneratedMigrations {

	/** The package Upgrader scans ({@code upgrader.packages}). */
	static final String UPGRADES_PACKAGE = "bench.upgrades";

	/** Flyway's location of the Java migrations (the package of their classes). */
	static final String FLYWAY_JAVA_LOCATION = "classpath:bench/flyway_java";

	static final String FLYWAY_SQL_LOCATION = "classpath:bench/flyway_sql";

	static final String LIQUIBASE_CHANGELOG = "classpath:bench/liquibase/changelog.xml";

	/** Upgrader's SQL upgrades ({@code upgrader.sql-locations}). */
	static final String UPGRADER_SQL_LOCATION = "classpath:bench/upgrader_sql";

	/** Written by {@code upgrader-index} when the upgrades are compiled. */
	private static final String INDEX = UpgradeIndexProcessor.INDEX;

	private GeneratedMigrations() {
	}

	/**
	 * Generates and compiles everything for {@code count} upgrades under {@code root},
	 * and packs it as an application would be, in a jar, once: existing jars are reused.
	 * @return the jars to add to the child JVMs' class path, one each
	 */
	static Jars generate(Path root, int count) {
		Path classes = root.resolve("n" + count);
		Jars jars = new Jars(root.resolve("n" + count + ".jar"), root.resolve("n" + count + "-indexed.jar"));
		Path done = root.resolve("n" + count + ".complete");
		if (Files.exists(done)) {
			return jars;
		}
		try {
			Path sources = root.resolve("n" + count + "-sources");
			List<Path> javaFiles = new ArrayList<>();
			Path upgrades = Files.createDirectories(sources.resolve(UPGRADES_PACKAGE.replace('.', '/')));
			Path flywayJava = Files.createDirectories(sources.resolve("bench/flyway_java"));
			Path flywaySql = Files.createDirectories(classes.resolve("bench/flyway_sql"));
			Path liquibase = Files.createDirectories(classes.resolve("bench/liquibase"));
			Path upgraderSql = Files.createDirectories(classes.resolve("bench/upgrader_sql"));
			StringBuilder changelog = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
					+ "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
					+ " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
					+ " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
					+ " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
			for (int i = 1; i <= count; i++) {
				String id = upgradeId(i);
				String dependsOn = (i == 1) ? "" : ", \"" + upgradeId(i - 1) + "\"";
				javaFiles.add(write(upgrades.resolve(id + ".java"), """
						package %s;

						public class %s extends %s {
							public %s() {
								super("No-op upgrade %d"%s);
							}
							@Override
							public void doUpgrade(%s context) {
							}
						}
						""".formatted(UPGRADES_PACKAGE, id, AbstractUpgrade.class.getName(), id, i, dependsOn,
						UpgradeContext.class.getName())));
				javaFiles.add(write(flywayJava.resolve("V" + i + "__Noop.java"), """
						package bench.flyway_java;

						public class V%d__Noop extends %s {
							@Override
							public void migrate(%s context) {
							}
						}
						""".formatted(i, BaseJavaMigration.class.getName(), Context.class.getName())));
				write(flywaySql.resolve("V" + i + "__noop.sql"), "SELECT 1;\n");
				write(upgraderSql.resolve(id + ".sql"), ((i == 1) ? "" : "-- depends-on: " + upgradeId(i - 1) + "\n")
						+ "-- info: No-op upgrade " + i + "\nSELECT 1;\n");
				changelog.append("  <changeSet id=\"" + i + "\" author=\"bench\"><sql>SELECT 1</sql></changeSet>\n");
			}
			write(liquibase.resolve("changelog.xml"), changelog.append("</databaseChangeLog>\n").toString());
			compile(javaFiles, classes);
			pack(classes, jars.plain(), false);
			pack(classes, jars.indexed(), true);
			Files.writeString(done, "");
			return jars;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One chain in one repository, one day per upgrade from 2000-01-01. */
	static String upgradeId(int i) {
		int step = i - 1;
		return String.format(Locale.ROOT, "bench_%04d_%02d_%02d_noop%05d", 2000 + step / 336, 1 + (step / 28) % 12,
				1 + step % 28, i);
	}

	private static Path write(Path file, String content) throws IOException {
		return Files.writeString(file, content);
	}

	private static void compile(List<Path> sources, Path classes) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("The start-up harness needs a JDK (javax.tools) to compile its upgrades");
		}
		Path list = Files.createTempFile("bench-sources", ".txt");
		Files.write(list, sources.stream().map(Path::toString).toList());
		int status = compiler.run(null, null, null, "-nowarn", "-processor", UpgradeIndexProcessor.class.getName(),
				"-cp", System.getProperty("java.class.path"), "-d", classes.toString(), "@" + list);
		Files.delete(list);
		if (status != 0) {
			throw new IllegalStateException("Compiling the generated upgrades failed with status " + status);
		}
	}

	/**
	 * Packs the classes and resources in a jar with directory entries, as build tools
	 * write them (class path scans find a package's jar by its directory entry).
	 */
	private static void pack(Path classes, Path jar, boolean withIndex) throws IOException {
		List<Path> entries;
		try (Stream<Path> walk = Files.walk(classes)) {
			entries = walk.filter((path) -> !path.equals(classes)).sorted().toList();
		}
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (Path path : entries) {
				String name = classes.relativize(path).toString().replace('\\', '/');
				if (!withIndex && (name.equals(INDEX) || name.equals("META-INF/upgrader"))) {
					continue;
				}
				boolean directory = Files.isDirectory(path);
				out.putNextEntry(new JarEntry(directory ? name + "/" : name));
				if (!directory) {
					Files.copy(path, out);
				}
				out.closeEntry();
			}
		}
	}

	/**
	 * The generated jars.
	 *
	 * @param plain without Upgrader's index
	 * @param indexed the same with it
	 */
	record Jars(Path plain, Path indexed) {

	}

}
