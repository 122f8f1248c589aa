package dev.upgrader.engine;

import java.time.Duration;

import javax.sql.DataSource;

import dev.upgrader.testsupport.TestDatabase;

/**
 * The whole engine contract with the lease lock instead of H2's row lock.
 */
class H2LeaseUpgradeEngineContractTests extends AbstractUpgradeEngineContractTests {

	H2LeaseUpgradeEngineContractTests() {
		super(TestDatabase.H2, "h2");
	}

	@Override
	UpgradeLock lock(DatabaseDialect dialect, DataSource dataSource, String table, Duration wait) {
		return dialect.leaseLock(dataSource, table, wait, Duration.ofSeconds(30));
	}

}
