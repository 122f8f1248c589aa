package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An upgrade that waits for itself: a statement on a connection of its own waits for a
 * row its run's transaction has locked, which PostgreSQL cannot see as a deadlock. The
 * upgrade wait timeout ends it, naming the upgrade, instead of hanging for ever with the
 * upgrade lock held (#11).
 */
class PostgresUpgradeWaitTests {

	private static final String SELF = "wait_2026_01_01_self";

	private HikariDataSource dataSource;

	private String table;

	private String data;

	@BeforeEach
	void prepare() {
		this.dataSource = TestDatabase.POSTGRESQL.dataSource();
		this.table = TestDatabase.uniqueName("uwait");
		this.data = TestDatabase.uniqueName("udata");
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.execute("CREATE TABLE " + this.data + " (id INT PRIMARY KEY, note VARCHAR(20))");
		jdbc.update("INSERT INTO " + this.data + " (id, note) VALUES (1, 'old')");
	}

	@AfterEach
	void cleanUp() {
		TestDatabase.dropTables(this.dataSource, this.data);
		TestDatabase.dropLogTables(this.dataSource, this.table);
		this.dataSource.close();
	}

	@Test
	void upgradeWaitingForItsOwnTransactionFailsNamingItWithinTheUpgradeWaitTimeout() throws Exception {
		DatabaseDialect dialect = new PostgresDialect();
		TestUpgrade self = TestUpgrade.of(SELF).doing((context) -> {
			context.jdbc().update("UPDATE " + this.data + " SET note = 'run' WHERE id = 1");
			try (Connection own = context.dataSource().getConnection(); Statement statement = own.createStatement()) {
				statement.executeUpdate("UPDATE " + this.data + " SET note = 'own' WHERE id = 1");
			}
		});
		UpgradeEngine engine = new UpgradeEngine(this.dataSource, dialect, () -> List.of(self),
				new JdbcUpgradeLog(new JdbcTemplate(this.dataSource), this.table, dialect),
				dialect.lock(this.dataSource, this.table, Duration.ofSeconds(5)), List.of());
		engine.setUpgradeWaitTimeout(Duration.ofSeconds(2));

		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> engine.run(RunOptions.unattended()));

		assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
			.isThrownBy(() -> run.get(60, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(UpgradeFailedException.class)
			.withMessageStartingWith("Upgrade " + SELF + " failed: ")
			.withMessageContaining("after upgrader.upgrade-wait-timeout (PT2S)");
		assertThat(engine.applied()).isEmpty();
		assertThat(engine.failures()).extracting("id").containsExactly(SELF);
	}

}
