package dev.upgrader.engine;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.UpgradeLockException;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database user without the {@code PROCESS} privilege sees no other user's connection
 * in the process list, though {@code IS_USED_LOCK} tells that one holds the lock: the
 * lock is never reported free while it is held (#11).
 */
class MariaDbNamedLockTests {

	private final String user = TestDatabase.uniqueName("uother");

	private final String table = TestDatabase.uniqueName("ulock");

	private HikariDataSource admin;

	private HikariDataSource restricted;

	@BeforeEach
	void createUserWithoutProcessPrivilege() {
		this.admin = TestDatabase.MARIADB.dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(this.admin);
		String database = jdbc.queryForObject("SELECT DATABASE()", String.class);
		jdbc.execute("CREATE USER '" + this.user + "'@'%' IDENTIFIED BY '" + this.user + "'");
		jdbc.execute("GRANT ALL ON " + database + ".* TO '" + this.user + "'@'%'");
		this.restricted = new HikariDataSource();
		this.restricted.setJdbcUrl(this.admin.getJdbcUrl());
		this.restricted.setUsername(this.user);
		this.restricted.setPassword(this.user);
	}

	@AfterEach
	void dropUser() {
		this.restricted.close();
		new JdbcTemplate(this.admin).execute("DROP USER IF EXISTS '" + this.user + "'@'%'");
		this.admin.close();
	}

	@Test
	void lockHeldByAnotherDatabaseUserIsReportedHeld() {
		MySqlNamedLock lock = new MySqlNamedLock(this.restricted, this.table, Duration.ofMillis(300));
		try (UpgradeLock.Held held = new MySqlNamedLock(this.admin, this.table, Duration.ZERO).acquire()) {
			long connection = new JdbcTemplate(this.admin).queryForObject(
					"SELECT IS_USED_LOCK(CONCAT('upgrader:', DATABASE(), '." + this.table + "'))", Long.class);
			String expected = "connection " + connection + " of another database user (grant PROCESS to see its host)";
			assertThat(lock.holder()).hasValue(expected);
			assertThatExceptionOfType(UpgradeLockException.class).isThrownBy(lock::acquire)
				.withMessageContaining("held by " + expected);
		}
		assertThat(lock.holder()).isEmpty();
	}

}
