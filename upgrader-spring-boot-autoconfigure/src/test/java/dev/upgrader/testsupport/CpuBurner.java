package dev.upgrader.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that keeps every core busy, so that race tests also run on a loaded machine
 * (#11: H2 failed to start instances only under load). The child spins one thread per
 * available processor and ends when it is closed or when its standard input reaches its
 * end, which happens when the test JVM dies without closing it.
 */
public final class CpuBurner implements AutoCloseable {

	private static final String READY = "burning";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private CpuBurner(Process process) {
		this.process = process;
	}

	/**
	 * Starts the child JVM and waits until its threads spin.
	 * @return the running burner, to be closed when the load should end
	 * @throws IOException if the JVM cannot be started or does not start burning
	 */
	public static CpuBurner start() throws IOException {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
				"-XX:+UseSerialGC", "-cp", ownClassesDirectory(), CpuBurner.class.getName());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		CpuBurner burner = new CpuBurner(process);
		burner.awaitReady();
		return burner;
	}

	private static String ownClassesDirectory() throws IOException {
		try {
			return Path.of(CpuBurner.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IOException("Cannot locate the classes of " + CpuBurner.class.getName(), ex);
		}
	}

	private void awaitReady() throws IOException {
		// Reading the first line on another thread bounds the wait: a JVM that hangs must
		// not hang the test run.
		StringBuilder firstLine = new StringBuilder();
		Thread reader = new Thread(() -> readLine(this.process.getInputStream(), firstLine), "cpu-burner-output");
		reader.setDaemon(true);
		reader.start();
		try {
			reader.join(START_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!firstLine.toString().startsWith(READY)) {
			close();
			throw new IOException("The CPU burner did not start within " + START_TIMEOUT + ": '" + firstLine + "'");
		}
	}

	private static void readLine(InputStream input, StringBuilder line) {
		try {
			for (int next = input.read(); next != -1 && next != '\n'; next = input.read()) {
				line.append((char) next);
			}
		}
		catch (IOException ex) {
			line.append(ex);
		}
	}

	/** The child JVM, for tests of the burner itself. */
	public ProcessHandle processHandle() {
		return this.process.toHandle();
	}

	/** Closes the child's standard input, as the death of the test JVM would. */
	void closeInput() throws IOException {
		this.process.getOutputStream().close();
	}

	/** Ends the load: kills the child JVM and waits for its end. */
	@Override
	public void close() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The child JVM: spins on every core until its standard input ends.
	 * @param args not used
	 * @throws IOException if reading standard input fails
	 */
	public static void main(String[] args) throws IOException {
		int cores = Runtime.getRuntime().availableProcessors();
		for (int i = 0; i < cores; i++) {
			Thread spinner = new Thread(CpuBurner::spin, "spinner-" + i);
			spinner.setDaemon(true);
			spinner.start();
		}
		System.out.println(READY + " " + cores + " core(s)");
		System.out.flush();
		while (System.in.read() != -1) {
			// Only the end of the input matters: the parent is gone.
		}
		System.exit(0);
	}

	private static void spin() {
		long value = 1;
		while (!Thread.currentThread().isInterrupted()) {
			value = value * 6364136223846793005L + 1442695040888963407L;
			if (value == 0) {
				System.out.println(value);
			}
		}
	}

}
