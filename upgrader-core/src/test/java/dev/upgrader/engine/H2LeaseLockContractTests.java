package dev.upgrader.engine;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.upgrader.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class H2LeaseLockContractTests extends AbstractLeaseLockContractTests {

	H2LeaseLockContractTests() {
		super(TestDatabase.H2);
	}

	@Test
	void leaseSharesTheLockTableOfTheRowLock() {
		UpgradeLock rowLock = new H2Dialect().lock(east(), table(), Duration.ZERO);
		rowLock.acquire().close();
		UpgradeLock lease = new H2Dialect().leaseLock(east(), table(), Duration.ZERO, Duration.ofSeconds(5));
		try (UpgradeLock.Held held = lease.acquire()) {
			assertThat(lease.holder()).isPresent();
		}
		rowLock.acquire().close();
		assertThat(lease.holder()).isEmpty();
	}

}
