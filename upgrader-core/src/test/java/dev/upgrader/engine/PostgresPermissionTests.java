package dev.upgrader.engine;

import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.RunOptions;
import dev.upgrader.UpgraderException;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database user without the right to create tables gets a message saying what to grant
 * or which table to create, and nothing runs.
 */
class PostgresPermissionTests {

	private final String role = TestDatabase.uniqueName("unoddl");

	private final String table = TestDatabase.uniqueName("uperm");

	private HikariDataSource admin;

	@BeforeEach
	void createRoleWithoutCreatePrivilege() {
		this.admin = TestDatabase.POSTGRESQL.dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(this.admin);
		jdbc.execute("CREATE ROLE " + this.role + " LOGIN PASSWORD '" + this.role + "'");
		// PostgreSQL 15 no longer lets PUBLIC create in schema public; older servers do.
		jdbc.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
	}

	@AfterEach
	void dropRole() {
		new JdbcTemplate(this.admin).execute("DROP ROLE IF EXISTS " + this.role);
		this.admin.close();
	}

	@Test
	void missingCreatePrivilegeIsReportedWithTheTableToCreate() {
		HikariDataSource restricted = new HikariDataSource();
		restricted.setJdbcUrl(this.admin.getJdbcUrl());
		restricted.setUsername(this.role);
		restricted.setPassword(this.role);
		try (restricted) {
			boolean[] ran = { false };
			DatabaseDialect dialect = new PostgresDialect();
			UpgradeEngine engine = new UpgradeEngine(restricted, dialect,
					() -> List.of(TestUpgrade.of("r_2026_01_01_a").doing((context) -> ran[0] = true)),
					new JdbcUpgradeLog(new JdbcTemplate(restricted), this.table, dialect),
					dialect.lock(restricted, this.table, Duration.ofSeconds(5)), List.of());

			assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> engine.run(RunOptions.unattended()))
				.withMessageStartingWith(
						"Cannot create the table " + this.table + ": ERROR: permission denied for schema public")
				.withMessageContaining(
						"or create it ahead with: CREATE TABLE " + this.table + " (upgrade VARCHAR(255)");
			assertThat(ran[0]).isFalse();
		}
	}

}
