package dev.upgrader.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeLock;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upgrader.lock.mode} and {@code upgrader.lock.lease-duration}.
 */
class UpgraderLockModeTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, UpgraderAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "upgrader.auto-run=false");

	private static String holderWhileHeld(UpgradeLock lock) {
		try (UpgradeLock.Held held = lock.acquire()) {
			return lock.holder().orElseThrow();
		}
	}

	@Test
	void sessionLockIsTheDefaultWhereTheDatabaseHasOne() {
		this.contextRunner.run((context) -> assertThat(holderWhileHeld(context.getBean(UpgradeLock.class)))
			.isEqualTo("another session of this H2 database"));
	}

	@Test
	void leaseModeUsesTheLeaseLockForTheConfiguredDuration() {
		this.contextRunner.withPropertyValues("upgrader.lock.mode=lease", "upgrader.lock.lease-duration=2m")
			.run((context) -> assertThat(holderWhileHeld(context.getBean(UpgradeLock.class))).startsWith("upgrader on ")
				.containsPattern(", in 1(19|20) s by the database clock\\)$"));
	}

	@Test
	void leaseIsTheDefaultForADatabaseWithoutASessionLock() {
		this.contextRunner.withBean(DatabaseDialect.class, WithoutSessionLock::new)
			.run((context) -> assertThat(holderWhileHeld(context.getBean(UpgradeLock.class))).startsWith("upgrader on ")
				.endsWith(" s by the database clock)"));
	}

	@Test
	void sessionModeIsRefusedForADatabaseWithoutASessionLock() {
		this.contextRunner.withBean(DatabaseDialect.class, WithoutSessionLock::new)
			.withPropertyValues("upgrader.lock.mode=session")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("Invalid upgrader.lock.mode 'session': Lockless has no lock bound to a session that"
						+ " Upgrader knows; use upgrader.lock.mode=lease"));
	}

	@Test
	void leaseDurationUnderASecondIsRefusedNamingTheProperty() {
		this.contextRunner.withPropertyValues("upgrader.lock.lease-duration=500ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("Invalid upgrader.lock.lease-duration 'PT0.5S': use at least 1 second"));
	}

	/** A database (H2 underneath) whose dialect offers no session lock. */
	static final class WithoutSessionLock implements DatabaseDialect {

		@Override
		public boolean transactionalDdl() {
			return false;
		}

		@Override
		public boolean hasSessionLock() {
			return false;
		}

		@Override
		public UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout) {
			throw new UnsupportedOperationException("no session lock");
		}

		@Override
		public String toString() {
			return "Lockless";
		}

	}

}
