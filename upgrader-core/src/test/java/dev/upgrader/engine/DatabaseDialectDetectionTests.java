package dev.upgrader.engine;

import org.junit.jupiter.api.Test;

import dev.upgrader.UpgraderException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which dialect serves the product name that JDBC metadata reports.
 */
class DatabaseDialectDetectionTests {

	@Test
	void h2IsServedByTheH2Dialect() {
		assertThat(KnownDialects.forProductName("H2")).isInstanceOf(H2Dialect.class).hasToString("H2");
	}

	@Test
	void postgresqlIsServedByThePostgresDialect() {
		assertThat(KnownDialects.forProductName("PostgreSQL")).isInstanceOf(PostgresDialect.class)
			.hasToString("PostgreSQL");
	}

	@Test
	void mariaDbAndMySqlAreServedByTheMySqlDialect() {
		assertThat(KnownDialects.forProductName("MariaDB")).isInstanceOf(MySqlDialect.class)
			.hasToString("MariaDB/MySQL");
		assertThat(KnownDialects.forProductName("MySQL")).isInstanceOf(MySqlDialect.class);
	}

	@Test
	void onlyPostgresqlHasTransactionalDdl() {
		assertThat(KnownDialects.forProductName("PostgreSQL").transactionalDdl()).isTrue();
		assertThat(KnownDialects.forProductName("H2").transactionalDdl()).isFalse();
		assertThat(KnownDialects.forProductName("MariaDB").transactionalDdl()).isFalse();
	}

	@Test
	void unsupportedProductIsRefusedByName() {
		assertThatExceptionOfType(UpgraderException.class)
			.isThrownBy(() -> KnownDialects.forProductName("HSQL Database Engine"))
			.withMessage(
					"Unsupported database 'HSQL Database Engine': Upgrader supports H2, PostgreSQL, MariaDB and MySQL");
	}

}
