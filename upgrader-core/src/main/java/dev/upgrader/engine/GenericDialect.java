package dev.upgrader.engine;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Any other JDBC database, with standard SQL: the log's {@code TIMESTAMP(3)}, the lease
 * lock on {@code CURRENT_TIMESTAMP} and {@code TIMESTAMP(3) WITH TIME ZONE}, and
 * transactional DDL as far as the JDBC metadata tells. Those are guesses, which
 * {@link #guess} logs once.
 */
final class GenericDialect implements DatabaseDialect {

	private static final Log logger = LogFactory.getLog(GenericDialect.class);

	private final String product;

	private final boolean transactionalDdl;

	GenericDialect(String product, boolean transactionalDdl) {
		this.product = product;
		this.transactionalDdl = transactionalDdl;
	}

	/**
	 * The dialect of a database no built-in dialect knows, from its JDBC metadata; logs
	 * what it guesses.
	 * @param product the product name to show
	 * @param metaData the database's metadata
	 * @return the dialect
	 */
	static GenericDialect guess(String product, DatabaseMetaData metaData) throws SQLException {
		boolean transactionalDdl = metaData.supportsDataDefinitionAndDataManipulationTransactions()
				&& !metaData.dataDefinitionCausesTransactionCommit();
		GenericDialect dialect = new GenericDialect(product, transactionalDdl);
		logger.warn("Upgrader has no dialect for the database '" + product
				+ "': using standard SQL, which it guesses suits it: TIMESTAMP(3) for the log, the lease lock"
				+ " (CURRENT_TIMESTAMP, TIMESTAMP(3) WITH TIME ZONE) instead of a session lock, and DDL "
				+ (transactionalDdl ? "rolled back with its transaction" : "committed as it runs")
				+ " as the JDBC metadata says. If any of that is wrong, declare a DatabaseDialect bean.");
		return dialect;
	}

	@Override
	public boolean transactionalDdl() {
		return this.transactionalDdl;
	}

	@Override
	public boolean hasSessionLock() {
		return false;
	}

	@Override
	public UpgradeLock lock(DataSource dataSource, String table, Duration waitTimeout) {
		return leaseLock(dataSource, table, waitTimeout, LeaseLock.DEFAULT_DURATION);
	}

	@Override
	public String name() {
		return this.product.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	@Override
	public String toString() {
		return this.product;
	}

}
