package dev.upgrader.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuBurnerTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Test
	void burnsCpuInAChildJvmUntilClosed() throws Exception {
		ProcessHandle child;
		try (CpuBurner burner = CpuBurner.start()) {
			child = burner.processHandle();
			assertThat(child.pid()).isNotEqualTo(ProcessHandle.current().pid());
			Duration before = cpu(child);
			assertThat(awaitCpuAbove(child, before.plusMillis(500))).as("CPU time of the burner").isTrue();
		}
		assertThat(child.isAlive()).isFalse();
	}

	@Test
	void endsWhenItsParentGoesAway() throws Exception {
		try (CpuBurner burner = CpuBurner.start()) {
			ProcessHandle child = burner.processHandle();
			burner.closeInput();
			assertThat(child.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS).isAlive()).isFalse();
		}
	}

	private static boolean awaitCpuAbove(ProcessHandle child, Duration target) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (cpu(child).compareTo(target) > 0) {
				return true;
			}
			Thread.sleep(100);
		}
		return false;
	}

	private static Duration cpu(ProcessHandle child) {
		return child.info().totalCpuDuration().orElse(Duration.ZERO);
	}

}
