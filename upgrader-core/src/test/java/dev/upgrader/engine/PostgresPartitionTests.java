package dev.upgrader.engine;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.testsupport.FreezingProxy;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The database stops answering in the middle of an upgrade, as in a network partition:
 * the run notices the lost lock and gives up within a bounded time, naming the upgrade,
 * instead of blocking for ever in the rollback (#11).
 */
class PostgresPartitionTests {

	private static final String CUT = "cut_2026_01_01_off";

	private final CountDownLatch inside = new CountDownLatch(1);

	private final CountDownLatch proceed = new CountDownLatch(1);

	private FreezingProxy proxy;

	private HikariDataSource dataSource;

	private HikariDataSource admin;

	private String table;

	@BeforeEach
	void prepare() throws Exception {
		this.admin = TestDatabase.POSTGRESQL.dataSource();
		this.table = TestDatabase.uniqueName("ucut");
		TestDatabase.Connection connection = TestDatabase.POSTGRESQL.connection();
		URI url = URI.create(connection.url().substring("jdbc:".length()));
		this.proxy = new FreezingProxy(url.getHost(), url.getPort());
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + this.proxy.port() + url.getPath()
				+ ((url.getQuery() != null) ? "?" + url.getQuery() : ""));
		this.dataSource.setUsername(connection.user());
		this.dataSource.setPassword(connection.password());
		this.dataSource.setConnectionTimeout(2000);
	}

	@AfterEach
	void cleanUp() throws Exception {
		this.proceed.countDown();
		this.proxy.close();
		this.dataSource.close();
		TestDatabase.dropLogTables(this.admin, this.table);
		this.admin.close();
	}

	@Test
	void partitionDuringAnUpgradeFailsTheRunNamingTheUpgradeWithinBoundedTime() throws Exception {
		DatabaseDialect dialect = new PostgresDialect();
		TestUpgrade cut = TestUpgrade.of(CUT).doing((context) -> {
			context.jdbc().execute("SELECT 1");
			this.inside.countDown();
			this.proceed.await(30, TimeUnit.SECONDS);
		});
		UpgradeEngine engine = new UpgradeEngine(this.dataSource, dialect, () -> List.of(cut),
				new JdbcUpgradeLog(new JdbcTemplate(this.dataSource), this.table, dialect),
				dialect.lock(this.dataSource, this.table, Duration.ofSeconds(5)), List.of());
		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> engine.run(RunOptions.unattended()));
		assertThat(this.inside.await(30, TimeUnit.SECONDS)).as("upgrade started").isTrue();

		this.proxy.freeze();
		this.proceed.countDown();

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> run.get(90, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(UpgradeFailedException.class)
			.withMessageStartingWith("Upgrade " + CUT + " failed: The connection holding the upgrade lock")
			.withMessageContaining("was lost");
		assertThat(new JdbcTemplate(this.admin).queryForObject("SELECT COUNT(*) FROM " + this.table, Integer.class))
			.as("log rows")
			.isZero();
	}

}
