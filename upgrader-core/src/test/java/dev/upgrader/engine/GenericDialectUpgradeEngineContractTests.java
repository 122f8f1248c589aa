package dev.upgrader.engine;

import javax.sql.DataSource;

import dev.upgrader.UpgraderException;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The whole engine contract through the generic dialect, as a database that no built-in
 * dialect knows gets it: standard SQL and the lease lock, here on H2 named "Acme DB".
 */
class GenericDialectUpgradeEngineContractTests extends AbstractUpgradeEngineContractTests {

	GenericDialectUpgradeEngineContractTests() {
		super(TestDatabase.H2, "acmedb");
	}

	@Override
	DatabaseDialect dialect(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource,
					(metaData) -> GenericDialect.guess("Acme DB", metaData));
		}
		catch (MetaDataAccessException ex) {
			throw new UpgraderException("Cannot read the metadata", ex);
		}
	}

}
