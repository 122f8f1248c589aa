package dev.upgrader.process;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.upgrader.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class H2ProcessCrashTests extends AbstractProcessCrashTests {

	H2ProcessCrashTests() {
		super(TestDatabase.H2);
	}

	/**
	 * With {@code AUTO_SERVER} the first JVM to open the file serves it to the others;
	 * here that is the killed process. H2 writes committed changes to the file in the
	 * background (within about a second), so the kill may also lose the last commits; it
	 * loses them whole, log row and upgrade work together, so those upgrades simply run
	 * again. The next JVM finds the stale {@code .lock.db} file, takes the database over
	 * and recovers it.
	 */
	@Test
	void killedProcessThatServedTheDatabaseLeavesItToTheNextStart() throws Exception {
		closeTestConnections();
		killHalfWay("victim");
		reopenTestConnections();
		Map<String, Integer> survived = executionCounts();
		assertThat(logRows()).doesNotContain(CrashApplication.SLOW);
		assertThat(survived).doesNotContainKey(CrashApplication.SLOW);
		assertThat(survived.keySet()).containsExactlyInAnyOrderElementsOf(logRows());
		closeTestConnections();
		start("next", Map.of()).awaitCleanExit(EXIT_TIMEOUT);
		reopenTestConnections();
		assertFullyAppliedOnce();
	}

}
