package dev.upgrader.shell;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.upgrader.Upgrade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles generated upgrade sources with {@link JavaCompiler} against the test class
 * path and instantiates them, as the application would find them.
 */
final class GeneratedUpgrades {

	private GeneratedUpgrades() {
	}

	static Upgrade compileAndLoad(Path source, String className, Path classes) throws Exception {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, "-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path") + File.pathSeparator
						+ Path.of(Upgrade.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
				source.toString());
		assertThat(status).as("javac exit status for %s", source).isZero();
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				GeneratedUpgrades.class.getClassLoader());
		return (Upgrade) loader.loadClass(className).getDeclaredConstructor().newInstance();
	}

}
