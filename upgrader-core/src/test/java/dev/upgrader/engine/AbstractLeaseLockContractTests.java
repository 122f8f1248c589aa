package dev.upgrader.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.UpgradeLockException;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of the lease lock on every database: exclusive, renewed while held, taken
 * over once expired, timed by the database's clock only, and fenced. Two "instances" use
 * two pools whose sessions are set 20 hours apart ({@code +10:00} and {@code -10:00}), as
 * two JVMs with their own {@code user.timezone} get from their JDBC drivers: every
 * comparison must be between instants of the database's clock, or they would disagree by
 * hours.
 */
abstract class AbstractLeaseLockContractTests {

	private static final Duration LEASE = Duration.ofSeconds(2);

	private final TestDatabase database;

	private final List<HikariDataSource> pools = new ArrayList<>();

	private HikariDataSource east;

	private HikariDataSource west;

	private DatabaseDialect dialect;

	private String table;

	private String data;

	AbstractLeaseLockContractTests(TestDatabase database) {
		this.database = database;
	}

	/** The statement that sets a session's time zone to an offset such as +10:00. */
	String setTimeZone(String offset) {
		return "SET TIME ZONE INTERVAL '" + offset + "' HOUR TO MINUTE";
	}

	/** The session's local time, which follows its time zone. */
	String localTime() {
		return "SELECT LOCALTIMESTAMP";
	}

	@BeforeEach
	void prepare() {
		TestDatabase.Connection connection = this.database.connection();
		this.east = pool(connection, "+10:00");
		this.west = pool(connection, "-10:00");
		this.dialect = DatabaseDialect.detect(this.east);
		this.table = TestDatabase.uniqueName("ulease");
		this.data = TestDatabase.uniqueName("udata");
		new JdbcTemplate(this.east).execute("CREATE TABLE " + this.data + " (name VARCHAR(100) NOT NULL)");
	}

	private HikariDataSource pool(TestDatabase.Connection connection, String offset) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(connection.url());
		pool.setUsername(connection.user());
		pool.setPassword(connection.password());
		pool.setMaximumPoolSize(3);
		pool.setConnectionInitSql(setTimeZone(offset));
		this.pools.add(pool);
		return pool;
	}

	HikariDataSource east() {
		return this.east;
	}

	String table() {
		return this.table;
	}

	@AfterEach
	void cleanUp() {
		TestDatabase.dropTables(this.east, this.data);
		TestDatabase.dropLogTables(this.east, this.table);
		this.pools.forEach(HikariDataSource::close);
	}

	private UpgradeLock lease(HikariDataSource instance, Duration wait) {
		return this.dialect.leaseLock(instance, this.table, wait, LEASE);
	}

	private JdbcTemplate jdbc(HikariDataSource instance) {
		return new JdbcTemplate(instance);
	}

	private String lockTable() {
		return this.table + "_lock";
	}

	/**
	 * Writes the lease of an instance that died, expiring after an SQL interval such as
	 * {@code '2' SECOND}.
	 */
	private void deadHolderExpiringIn(String interval) {
		lease(this.east, Duration.ZERO).acquire().close();
		jdbc(this.east).update("UPDATE " + lockTable() + " SET token = 'dead', holder_host = 'gone', holder_pid = 7,"
				+ " acquired_at = " + this.dialect.currentTimestamp() + ", expires_at = "
				+ this.dialect.currentTimestamp() + " + INTERVAL " + interval + " WHERE id = 1");
	}

	/** Ends a lease now, as if its holder had not renewed it (a pause, a partition). */
	private void expireNow() {
		jdbc(this.west).update("UPDATE " + lockTable() + " SET expires_at = " + this.dialect.currentTimestamp()
				+ " - INTERVAL '1' SECOND WHERE id = 1");
	}

	@Test
	void sessionsOfTheTwoInstancesAreHoursApart() {
		LocalDateTime east = jdbc(this.east).queryForObject(localTime(), LocalDateTime.class);
		LocalDateTime west = jdbc(this.west).queryForObject(localTime(), LocalDateTime.class);
		assertThat(Duration.between(west, east)).isBetween(Duration.ofHours(19), Duration.ofHours(21));
	}

	@Test
	void leaseIsExclusiveAndItsHolderIsNamedWithTheExpiry() {
		UpgradeLock east = lease(this.east, Duration.ZERO);
		UpgradeLock west = lease(this.west, Duration.ofMillis(500));
		assertThat(west.holder()).as("no lease table yet").isEmpty();
		try (UpgradeLock.Held held = east.acquire()) {
			String holder = "upgrader on " + HostName.VALUE + " pid " + ProcessHandle.current().pid() + " (lease ";
			assertThat(west.holder()).hasValueSatisfying((text) -> assertThat(text).startsWith(holder)
				.containsPattern("taken at \\S+Z, expires at \\S+Z, in [0-2] s by the database clock\\)$"));
			assertThatExceptionOfType(UpgradeLockException.class).isThrownBy(west::acquire)
				.withMessageStartingWith("Timed out after PT0.5S waiting for the upgrade lock (lease on " + lockTable()
						+ "), held by " + holder);
		}
		assertThat(west.holder()).isEmpty();
		west.acquire().close();
	}

	@Test
	void heartbeatRenewsTheLeaseWhileItIsHeld() throws Exception {
		try (UpgradeLock.Held held = lease(this.east, Duration.ZERO).acquire()) {
			Thread.sleep(LEASE.multipliedBy(2).toMillis());
			assertThatExceptionOfType(UpgradeLockException.class)
				.isThrownBy(() -> lease(this.west, Duration.ZERO).acquire());
			held.verify();
		}
	}

	@Test
	void leaseOfADeadHolderIsTakenOverOnlyOnceItExpiredByTheDatabaseClock() {
		deadHolderExpiringIn("'1.5' SECOND");
		assertThatExceptionOfType(UpgradeLockException.class)
			.isThrownBy(() -> lease(this.west, Duration.ZERO).acquire())
			.withMessageContaining("held by upgrader on gone pid 7 (lease dead");

		try (UpgradeLock.Held held = lease(this.west, Duration.ofSeconds(10)).acquire()) {
			assertThat(lease(this.east, Duration.ZERO).holder()).hasValueSatisfying(
					(holder) -> assertThat(holder).startsWith("upgrader on " + HostName.VALUE + " pid "));
		}
	}

	@Test
	void leaseExpiringInHoursIsNotTakenOverWhateverTheSessionsTimeZone() {
		// As far as the two sessions' local times are apart.
		deadHolderExpiringIn("'20' HOUR");
		assertThatExceptionOfType(UpgradeLockException.class)
			.isThrownBy(() -> lease(this.west, Duration.ZERO).acquire())
			.withMessageContaining("held by upgrader on gone pid 7 (lease dead")
			.withMessageMatching("(?s).*, in 7199[0-9] s by the database clock\\).*");
	}

	@Test
	void instanceWhoseLeaseWasTakenOverCannotVerifyIt() {
		try (UpgradeLock.Held east = lease(this.east, Duration.ZERO).acquire()) {
			expireNow();
			try (UpgradeLock.Held west = lease(this.west, Duration.ofSeconds(5)).acquire()) {
				assertThatExceptionOfType(UpgradeLockException.class).isThrownBy(east::verify)
					.withMessageStartingWith("The upgrade lease ")
					.withMessageContaining(" on " + lockTable() + " was lost (it is now held by upgrader on ")
					.withMessageEndingWith("so another instance may run upgrades: stopping the run");
				west.verify();
			}
		}
		lease(this.east, Duration.ZERO).acquire().close();
	}

	@Test
	void runWhoseLeaseIsTakenOverDuringAnUpgradeRecordsNothingAndSaysTheLeaseWasLost() {
		AtomicReference<UpgradeLock.Held> taker = new AtomicReference<>();
		TestUpgrade paused = TestUpgrade.of("r_2026_01_02_paused", "r_2026_01_01_first").doing((context) -> {
			context.jdbc().update("INSERT INTO " + this.data + " (name) VALUES ('paused')");
			// This instance stalls past its lease; another takes it over meanwhile.
			expireNow();
			taker.set(lease(this.west, Duration.ofSeconds(5)).acquire());
		});
		JdbcUpgradeLog log = new JdbcUpgradeLog(jdbc(this.east), this.table, this.dialect);
		UpgradeEngine engine = new UpgradeEngine(this.east, this.dialect,
				() -> List.of(TestUpgrade.of("r_2026_01_01_first"), paused), log, lease(this.east, Duration.ZERO),
				List.of());
		try {
			assertThatExceptionOfType(UpgradeLockException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
				.withMessageStartingWith(
						"Stopped at upgrade r_2026_01_02_paused, which was not recorded: The upgrade lease ")
				.withMessageContaining("was lost (it is now held by upgrader on ")
				.withMessageContaining("1 upgrade(s) applied before it stay recorded.");
			assertThat(log.read()).extracting(AppliedUpgrade::id).containsExactly("r_2026_01_01_first");
			assertThat(log.failures()).isEmpty();
			assertThat(jdbc(this.west).queryForList("SELECT name FROM " + this.data, String.class)).isEmpty();
			assertThat(taker.get()).isNotNull();
			taker.get().verify();
		}
		finally {
			if (taker.get() != null) {
				taker.get().close();
			}
		}
	}

}
