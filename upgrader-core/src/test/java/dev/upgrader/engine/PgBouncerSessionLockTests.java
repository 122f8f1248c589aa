package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.UpgradeLockException;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * The PostgreSQL session lock behind PgBouncer in transaction mode: once the lock
 * connection's next transaction runs on another server session than the one holding the
 * advisory lock, the lock refuses to go on, saying why and what to use instead. The test
 * forces that move by pinning the holding server session with another client's open
 * transaction, as a busy application's other connections do.
 */
class PgBouncerSessionLockTests {

	private final List<Connection> pins = new ArrayList<>();

	private HikariDataSource dataSource;

	private HikariDataSource direct;

	private String table;

	@BeforeEach
	void prepare() {
		this.dataSource = TestDatabase.PGBOUNCER.dataSource();
		this.direct = TestDatabase.POSTGRESQL.dataSource();
		this.table = TestDatabase.uniqueName("ubouncer");
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (Connection pin : this.pins) {
			pin.rollback();
			pin.close();
		}
		// The advisory lock may stay on a pooled server session: end that session.
		PostgresAdvisoryLock lock = new PostgresAdvisoryLock(this.direct, this.table, Duration.ZERO);
		new JdbcTemplate(this.direct).queryForList(
				"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = ?::bigint::oid",
				lock.key());
		this.dataSource.close();
		this.direct.close();
	}

	private PostgresAdvisoryLock lock(javax.sql.DataSource dataSource) {
		return new PostgresAdvisoryLock(dataSource, this.table, Duration.ZERO);
	}

	/** The backend pid of the session that holds the lock, asked directly. */
	private Integer holderPid() {
		return new JdbcTemplate(this.direct).queryForObject(
				"SELECT MIN(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = ?::bigint::oid",
				Integer.class, lock(this.direct).key());
	}

	/**
	 * Opens client transactions through PgBouncer until one runs on the given server
	 * session, which stays pinned to it. PgBouncer hands out its most recently used
	 * server session first; the pool has 4, so at most 3 are pinned and one stays free.
	 */
	private void pinServerSession(int pid) throws Exception {
		TestDatabase.Connection settings = TestDatabase.PGBOUNCER.connection();
		for (int i = 0; i < 3; i++) {
			Connection pin = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
			pin.setAutoCommit(false);
			this.pins.add(pin);
			try (Statement statement = pin.createStatement();
					ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
				result.next();
				if (result.getInt(1) == pid) {
					return;
				}
			}
		}
		fail("No client transaction of PgBouncer ran on server session " + pid);
	}

	@Test
	void sessionLockWhoseConnectionMovedToAnotherServerSessionIsRefusedNamingThePooler() throws Exception {
		UpgradeLock.Held held;
		try {
			held = lock(this.dataSource).acquire();
		}
		catch (UpgradeLockException ex) {
			// Already moved between taking the lock and checking it.
			assertThat(ex).hasMessageContaining("connection pooler in transaction mode");
			return;
		}
		try {
			Integer pid = holderPid();
			assertThat(pid).as("a server session holds the lock").isNotNull();
			pinServerSession(pid);
			assertThatExceptionOfType(UpgradeLockException.class).isThrownBy(held::verify)
				.withMessageStartingWith("The upgrade lock pg_advisory_lock for table ")
				.withMessageContaining("is not held by the PostgreSQL session this connection now uses (backend pid ")
				.withMessageContaining("backend pid " + pid + " does): a connection pooler in transaction mode"
						+ " (PgBouncer pool_mode=transaction, RDS Proxy and the like)")
				.withMessageEndingWith("Set upgrader.lock.mode=lease, or connect the upgrades to PostgreSQL directly"
						+ " or through a session-mode pool (upgrader.url).");
		}
		finally {
			held.close();
		}
	}

	@Test
	void sessionLockOnADirectConnectionPassesTheCheck() {
		try (UpgradeLock.Held held = lock(this.direct).acquire()) {
			held.verify();
			held.verify();
		}
	}

}
