package dev.upgrader.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine and the public API are a plain library: neither may import Spring Boot or
 * Spring Shell, which only the layers above wrap them with.
 */
class EngineIndependenceTests {

	private static final Path SOURCES = Path.of("src/main/java/dev/upgrader");

	@Test
	void engineAndApiImportNeitherSpringBootNorSpringShell() throws IOException {
		List<Path> files = sources();
		assertThat(files).as("engine and API sources").hasSizeGreaterThan(10);
		assertThat(files).allSatisfy((file) -> assertThat(Files.readAllLines(file)).as(file.toString())
			.noneMatch((line) -> line.startsWith("import org.springframework.boot")
					|| line.startsWith("import org.springframework.shell") || line.startsWith("import io.micrometer")));
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> api = Files.list(SOURCES); Stream<Path> engine = Files.list(SOURCES.resolve("engine"))) {
			return Stream.concat(api, engine).filter((path) -> path.toString().endsWith(".java")).toList();
		}
	}

}
