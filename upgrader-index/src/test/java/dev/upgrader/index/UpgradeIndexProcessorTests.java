package dev.upgrader.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index lists what the package scan would take for an upgrade, and nothing else.
 */
class UpgradeIndexProcessorTests {

	@TempDir
	Path work;

	@Test
	void listsConcreteUpgradeClassesAndLeavesAnnotatedOnesToTheScansRules() throws IOException {
		source("app/upgrades/shop_2026_01_01_one.java", """
				package app.upgrades;
				public class shop_2026_01_01_one extends dev.upgrader.AbstractUpgrade {
					public shop_2026_01_01_one() { super("One"); }
					public void doUpgrade(dev.upgrader.UpgradeContext context) { }
				}
				""");
		source("app/upgrades/shop_2026_01_02_two.java", """
				package app.upgrades;
				@Deprecated
				class shop_2026_01_02_two extends shop_2026_01_01_one {
				}
				""");
		source("app/upgrades/Holder.java", """
				package app.upgrades;
				public class Holder {
					public static class shop_2026_01_03_nested extends shop_2026_01_01_one { }
					public class Inner extends shop_2026_01_01_one { }
				}
				""");
		source("app/upgrades/Base.java", """
				package app.upgrades;
				public abstract class Base extends dev.upgrader.AbstractUpgrade {
					protected Base() { super("Base"); }
				}
				""");
		source("app/upgrades/Special.java", """
				package app.upgrades;
				public interface Special extends dev.upgrader.Upgrade { }
				""");
		source("app/Service.java", """
				package app;
				public class Service { }
				""");
		assertThat(compile()).containsExactly(
				"# The upgrade classes of this compilation, by dev.upgrader.index.UpgradeIndexProcessor",
				"plain app.upgrades.Holder$shop_2026_01_03_nested", "plain app.upgrades.shop_2026_01_01_one",
				"check app.upgrades.shop_2026_01_02_two");
	}

	@Test
	void compilationWithoutUpgradesWritesAnEmptyIndex() throws IOException {
		source("app/Service.java", """
				package app;
				public class Service { }
				""");
		assertThat(compile())
			.containsExactly("# The upgrade classes of this compilation, by dev.upgrader.index.UpgradeIndexProcessor");
	}

	private void source(String path, String content) throws IOException {
		Path file = this.work.resolve("src").resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private List<String> compile() throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		Path classes = Files.createDirectories(this.work.resolve("classes"));
		List<Path> sources = new ArrayList<>();
		try (var files = Files.walk(this.work.resolve("src"))) {
			files.filter(Files::isRegularFile).forEach(sources::add);
		}
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null,
				StandardCharsets.UTF_8)) {
			Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(sources);
			JavaCompiler.CompilationTask task = compiler.getTask(null, fileManager, null,
					List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")), null, units);
			task.setProcessors(List.of(new UpgradeIndexProcessor()));
			assertThat(task.call()).isTrue();
		}
		return Files.readAllLines(classes.resolve(UpgradeIndexProcessor.INDEX));
	}

}
