package dev.upgrader.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.upgrader.PendingUpgrade;
import dev.upgrader.Upgrader;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrades of a package come from the build-time index when every class path root
 * holding the package is a jar with one, and from the scan otherwise. The index here
 * leaves out a class the scan would find, which shows which of the two ran.
 */
class UpgradeClassIndexTests {

	private static final String PACKAGE = "dev.upgrader.autoconfigure.indexed";

	@TempDir
	Path work;

	private Path classes;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				UpgraderAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestDatabase.H2.connection().url(),
				"upgrader.packages=" + PACKAGE, "upgrader.auto-run=false");

	@BeforeEach
	void compileUpgrades() throws IOException {
		this.classes = Files.createDirectories(this.work.resolve("classes"));
		List<String> sources = new ArrayList<>();
		sources.add(source("idx_2026_01_01_listed", ""));
		sources.add(source("idx_2026_01_02_not_listed", ""));
		sources.add(source("idx_2026_01_03_dev_only", "@org.springframework.context.annotation.Profile(\"dev\")"));
		List<String> arguments = new ArrayList<>(
				List.of("-d", this.classes.toString(), "-cp", System.getProperty("java.class.path")));
		arguments.addAll(sources);
		assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)))
			.isZero();
	}

	@Test
	void indexedJarGivesTheListedUpgradesWithoutAScan() throws IOException {
		Path jar = jar("plain " + PACKAGE + ".idx_2026_01_01_listed\n");
		this.runner.withClassLoader(loader(jar))
			.run((context) -> assertThat(pendingIds(context.getBean(Upgrader.class)))
				.containsExactly("idx_2026_01_01_listed"));
	}

	@Test
	void indexedClassWithAnnotationsIsCheckedAsTheScanWould() throws IOException {
		Path jar = jar("plain " + PACKAGE + ".idx_2026_01_01_listed\ncheck " + PACKAGE + ".idx_2026_01_03_dev_only\n");
		this.runner.withClassLoader(loader(jar))
			.run((context) -> assertThat(pendingIds(context.getBean(Upgrader.class)))
				.containsExactly("idx_2026_01_01_listed"));
		this.runner.withClassLoader(loader(jar))
			.withPropertyValues("spring.profiles.active=dev")
			.run((context) -> assertThat(pendingIds(context.getBean(Upgrader.class)))
				.containsExactly("idx_2026_01_01_listed", "idx_2026_01_03_dev_only"));
	}

	@Test
	void jarWithoutAnIndexIsScanned() throws IOException {
		Path jar = jar(null);
		this.runner.withClassLoader(loader(jar))
			.run((context) -> assertThat(pendingIds(context.getBean(Upgrader.class)))
				.containsExactly("idx_2026_01_01_listed", "idx_2026_01_02_not_listed"));
	}

	@Test
	void classDirectoryIsScannedEvenWithAnIndex() throws IOException {
		Path index = this.classes.resolve(UpgradeClassIndex.LOCATION);
		Files.createDirectories(index.getParent());
		Files.writeString(index, "plain " + PACKAGE + ".idx_2026_01_01_listed\n");
		this.runner.withClassLoader(loader(this.classes))
			.run((context) -> assertThat(pendingIds(context.getBean(Upgrader.class)))
				.containsExactly("idx_2026_01_01_listed", "idx_2026_01_02_not_listed"));
	}

	@Test
	void packageAlsoInARootWithoutAnIndexIsScanned() throws IOException {
		Path indexed = jar("plain " + PACKAGE + ".idx_2026_01_01_listed\n");
		Path other = this.work.resolve("other.jar");
		Files.copy(jar(null), other);
		this.runner.withClassLoader(loader(indexed, other))
			.run((context) -> assertThat(pendingIds(context.getBean(Upgrader.class)))
				.containsExactly("idx_2026_01_01_listed", "idx_2026_01_02_not_listed"));
	}

	private String source(String name, String annotation) throws IOException {
		Path file = this.work.resolve("src").resolve(PACKAGE.replace('.', '/')).resolve(name + ".java");
		Files.createDirectories(file.getParent());
		Files.writeString(file, """
				package %s;

				%s
				public class %s extends dev.upgrader.AbstractUpgrade {
					public %s() {
						super("%s");
					}
					@Override
					public void doUpgrade(dev.upgrader.UpgradeContext context) {
					}
				}
				""".formatted(PACKAGE, annotation, name, name, name));
		return file.toString();
	}

	/** The compiled classes in a jar with directory entries, as build tools write it. */
	private Path jar(String index) throws IOException {
		Path jar = this.work.resolve((index != null) ? "indexed.jar" : "plain.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
				Stream<Path> files = Files.walk(this.classes)) {
			for (Path path : files.filter((path) -> !path.equals(this.classes)).sorted().toList()) {
				String name = this.classes.relativize(path).toString().replace('\\', '/');
				boolean directory = Files.isDirectory(path);
				out.putNextEntry(new JarEntry(directory ? name + "/" : name));
				if (!directory) {
					Files.copy(path, out);
				}
				out.closeEntry();
			}
			if (index != null) {
				out.putNextEntry(new JarEntry("META-INF/"));
				out.putNextEntry(new JarEntry("META-INF/upgrader/"));
				out.putNextEntry(new JarEntry(UpgradeClassIndex.LOCATION));
				out.write(index.getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return jar;
	}

	private static ClassLoader loader(Path... roots) throws IOException {
		URL[] urls = new URL[roots.length];
		for (int i = 0; i < roots.length; i++) {
			urls[i] = roots[i].toUri().toURL();
		}
		return new URLClassLoader(urls, UpgradeClassIndexTests.class.getClassLoader());
	}

	private static List<String> pendingIds(Upgrader upgrader) {
		return upgrader.pending().stream().map(PendingUpgrade::id).toList();
	}

}
