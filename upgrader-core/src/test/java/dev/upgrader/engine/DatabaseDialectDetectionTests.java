package dev.upgrader.engine;

import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;

import com.zaxxer.hikari.HikariDataSource;
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
	void hsqldbIsServedByTheHsqldbDialectWithTheLeaseLock() {
		DatabaseDialect hsqldb = KnownDialects.forProductName("HSQL Database Engine");
		assertThat(hsqldb).isInstanceOf(HsqldbDialect.class).hasToString("HSQLDB");
		assertThat(hsqldb.hasSessionLock()).isFalse();
		assertThat(hsqldb.transactionalDdl()).isFalse();
	}

	@Test
	void otherProductsAreServedByTheGenericDialectWithTheDdlTheMetadataTells() throws Exception {
		assertThat(KnownDialects.forProductName("Acme DB")).isNull();
		DatabaseDialect transactional = KnownDialects.forMetaData(metaData("Acme DB", true, false));
		assertThat(transactional).isInstanceOf(GenericDialect.class).hasToString("Acme DB");
		assertThat(transactional.name()).isEqualTo("acmedb");
		assertThat(transactional.transactionalDdl()).isTrue();
		assertThat(transactional.hasSessionLock()).isFalse();
		assertThat(KnownDialects.forMetaData(metaData("Acme DB", true, true)).transactionalDdl()).isFalse();
		assertThat(KnownDialects.forMetaData(metaData("Acme DB", false, false)).transactionalDdl()).isFalse();
	}

	private static DatabaseMetaData metaData(String product, boolean ddlInTransactions, boolean ddlCommits) {
		return (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
				new Class<?>[] { DatabaseMetaData.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getDatabaseProductName" -> product;
					case "supportsDataDefinitionAndDataManipulationTransactions" -> ddlInTransactions;
					case "dataDefinitionCausesTransactionCommit" -> ddlCommits;
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	@Test
	void unreachableDatabaseIsNamedByItsUrlWithoutCredentials() {
		HikariDataSource unreachable = new HikariDataSource();
		unreachable.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere?password=secret&ssl=true");
		unreachable.setConnectionTimeout(250);
		unreachable.setInitializationFailTimeout(-1);
		try (unreachable) {
			assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> DatabaseDialect.detect(unreachable))
				.withMessageStartingWith("Cannot connect to the database at"
						+ " jdbc:postgresql://127.0.0.1:1/nowhere?password=***&ssl=true to detect its type: ")
				.withMessageNotContaining("secret");
		}
	}

}
