package dev.upgrader.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.upgrader.autoconfigure.UpgraderApplicationRunner;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Holds a started process just before the upgrader runner until the test says go, so that
 * all instances of a trial reach the lock in the same few milliseconds rather than spread
 * over their JVM start-up times. Signals readiness with a file {@code ready-instance} and
 * waits for a file {@code go}, both in the trial directory.
 */
final class StartBarrier implements ApplicationRunner, Ordered {

	private final Path directory;

	private final String instance;

	private final Duration maxWait;

	StartBarrier(Path directory, String instance, Duration maxWait) {
		this.directory = directory;
		this.instance = instance;
		this.maxWait = maxWait;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		Files.createFile(this.directory.resolve("ready-" + this.instance));
		Path go = this.directory.resolve("go");
		long deadline = System.nanoTime() + this.maxWait.toNanos();
		while (!Files.exists(go)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("No go signal within " + this.maxWait + " in " + this.directory);
			}
			Thread.sleep(5);
		}
	}

	@Override
	public int getOrder() {
		return UpgraderApplicationRunner.ORDER - 1;
	}

}
