package dev.upgrader.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.upgrader.testsupport.TestApplications;

/**
 * A test application started in its own JVM, with its settings as {@code -D} system
 * properties and its output in a file, so that tests can run real separate processes and
 * kill them.
 */
final class AppProcess {

	private static final int OUTPUT_TAIL_LINES = 60;

	private final String name;

	private final Process process;

	private final Path output;

	private AppProcess(String name, Process process, Path output) {
		this.name = name;
		this.process = process;
		this.output = output;
	}

	/**
	 * Starts {@code mainClass} in a new, small JVM on the test class path.
	 * @param name names the process in messages and its output file
	 * @param mainClass the class whose {@code main} runs
	 * @param properties passed as system properties
	 * @param directory where the output file goes
	 * @return the running process
	 */
	static AppProcess start(String name, Class<?> mainClass, Map<String, String> properties, Path directory)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
				"-Xshare:auto", "-XX:+UseSerialGC", "-cp", classPath()));
		properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
		command.add("-D" + TestApplications.PLAIN_JDBC);
		command.add(mainClass.getName());
		Path output = directory.resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		return new AppProcess(name, process, output);
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The test class path. Surefire may launch tests through a manifest-only jar; it then
	 * still sets {@code java.class.path} to the real class path, and keeps it in
	 * {@code surefire.test.class.path} too, which is preferred when present.
	 */
	static String classPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits for the process to end.
	 * @param timeout how long to wait
	 * @return the exit code, or {@code null} when it still runs (it is then killed)
	 */
	Integer awaitExit(Duration timeout) throws InterruptedException {
		if (this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			return this.process.exitValue();
		}
		kill();
		return null;
	}

	/**
	 * Waits for the process to exit 0, failing with its output otherwise.
	 * @param timeout how long to wait
	 */
	void awaitCleanExit(Duration timeout) throws InterruptedException {
		Integer exit = awaitExit(timeout);
		if (exit == null || exit != 0) {
			throw new AssertionError(this.name + " exited with "
					+ ((exit != null) ? exit : "nothing (still running after " + timeout + ")") + "\n" + outputTail());
		}
	}

	/**
	 * Waits until the process writes a file, failing with its output when it ends first
	 * or the timeout passes.
	 * @param file the file the process writes
	 * @param timeout how long to wait
	 */
	void awaitFile(Path file, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!Files.exists(file)) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				kill();
				throw new AssertionError(
						this.name + " did not write " + file + " within " + timeout + "\n" + outputTail());
			}
			Thread.sleep(20);
		}
	}

	/**
	 * Kills the process with SIGKILL (on Linux), as a crash would, and waits for its end.
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** The last lines of the process's output, for failure messages. */
	String outputTail() {
		try {
			List<String> lines = Files.readAllLines(this.output, StandardCharsets.UTF_8);
			List<String> tail = lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size());
			return "--- " + this.name + " (pid " + pid() + ") output ---\n" + String.join("\n", tail);
		}
		catch (IOException ex) {
			return "--- " + this.name + ": no output (" + ex + ") ---";
		}
	}

}
