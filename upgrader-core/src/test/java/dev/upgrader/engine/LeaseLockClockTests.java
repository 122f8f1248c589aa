package dev.upgrader.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lease lock never reads the JVM's clock, so a JVM whose clock is hours off (or whose
 * time zone differs) takes, renews, checks and reports the lease exactly as any other:
 * its bytecode calls no wall-clock source. Waiting uses {@code System.nanoTime}, which
 * only measures elapsed time. {@code AbstractLeaseLockContractTests} shows the same for
 * sessions whose time zones are 20 hours apart.
 */
class LeaseLockClockTests {

	private static final List<String> WALL_CLOCKS = List.of("java/lang/System.currentTimeMillis",
			"java/time/Instant.now", "java/time/Clock", "java/time/LocalDateTime.now", "java/time/OffsetDateTime.now",
			"java/time/ZonedDateTime.now", "java/util/Date.\"<init>\":()V", "java/util/Calendar.getInstance");

	@Test
	void leaseClassesCallNoWallClockOfTheJvm() throws Exception {
		String bytecode = disassembled(LeaseLock.class, LeaseTable.class);
		assertThat(bytecode).as("disassembled").contains("java/lang/System.nanoTime", "LeaseTable.renew");
		assertThat(WALL_CLOCKS).allSatisfy((clock) -> assertThat(bytecode).doesNotContain(clock));
	}

	private static String disassembled(Class<?>... classes) throws Exception {
		ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
		StringWriter out = new StringWriter();
		for (Class<?> type : classes) {
			for (Path file : classFiles(type)) {
				int status = javap.run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", file.toString());
				assertThat(status).as("javap of %s", file).isZero();
			}
		}
		return out.toString();
	}

	/** The class file and those of its nested classes and lambdas' hosts. */
	private static List<Path> classFiles(Class<?> type) throws URISyntaxException, IOException {
		Path file = Path.of(type.getResource(type.getSimpleName() + ".class").toURI());
		try (Stream<Path> siblings = Files.list(file.getParent())) {
			return siblings.filter((sibling) -> sibling.getFileName().toString().startsWith(type.getSimpleName()))
				.filter((sibling) -> sibling.getFileName().toString().endsWith(".class"))
				.toList();
		}
	}

}
