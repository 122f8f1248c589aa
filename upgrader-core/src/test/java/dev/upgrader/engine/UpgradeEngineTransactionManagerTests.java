package dev.upgrader.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine with a transaction manager of the caller's: upgrades and their log rows run
 * in its transactions, and one that holds no connection of the upgraded DataSource is
 * refused before an upgrade runs.
 */
class UpgradeEngineTransactionManagerTests {

	private final HikariDataSource dataSource = TestDatabase.H2.dataSource();

	private final HikariDataSource other = TestDatabase.H2.dataSource();

	private final DatabaseDialect dialect = DatabaseDialect.detect(this.dataSource);

	@AfterEach
	void close() {
		this.dataSource.close();
		this.other.close();
	}

	@Test
	void upgradesRunInTheGivenTransactionManager() {
		CountingTransactionManager manager = new CountingTransactionManager(this.dataSource);
		UpgradeEngine engine = engine(manager, TestUpgrade.of("tx_2026_01_01_one"));
		assertThat(engine.run(RunOptions.unattended()).applied()).containsExactly("tx_2026_01_01_one");
		assertThat(manager.begun).hasPositiveValue();
	}

	@Test
	void transactionManagerOfAnotherDataSourceIsRefusedNamingTheUpgrade() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.execute("CREATE TABLE tx_rows (id INT)");
		UpgradeEngine engine = engine(new DataSourceTransactionManager(this.other), TestUpgrade.of("tx_2026_01_01_one")
			.doing((context) -> context.jdbc().update("INSERT INTO tx_rows VALUES (1)")));
		assertThatExceptionOfType(UpgradeFailedException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
			.withMessageContaining("tx_2026_01_01_one")
			.withMessageContaining("hold no connection of the upgraded DataSource");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tx_rows", Integer.class)).isZero();
		assertThat(engine.applied()).extracting(AppliedUpgrade::id).isEmpty();
	}

	private UpgradeEngine engine(PlatformTransactionManager manager, Upgrade upgrade) {
		String table = TestDatabase.uniqueName("ulog");
		return new UpgradeEngine(this.dataSource, this.dialect, () -> List.of(upgrade),
				UpgradeLog.jdbc(this.dataSource, table, this.dialect),
				this.dialect.lock(this.dataSource, table, Duration.ofSeconds(5)), List.of(), null, manager);
	}

	static class CountingTransactionManager extends DataSourceTransactionManager {

		final AtomicInteger begun = new AtomicInteger();

		CountingTransactionManager(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			this.begun.incrementAndGet();
			super.doBegin(transaction, definition);
		}

	}

}
