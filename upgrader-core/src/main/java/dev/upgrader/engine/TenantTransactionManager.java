package dev.upgrader.engine;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A tenant's transactions. Besides the tenant's view of its DataSource, the connection is
 * bound to the DataSource underneath for the transaction's thread, so that an upgrade
 * using a {@code JdbcTemplate} of the application (injected rather than taken from its
 * context) works in the tenant's schema and joins the upgrade's transaction.
 */
final class TenantTransactionManager extends DataSourceTransactionManager {

	private final DataSource underlying;

	TenantTransactionManager(TenantDataSource dataSource) {
		super(dataSource);
		this.underlying = dataSource.getTargetDataSource();
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		super.doBegin(transaction, definition);
		if (!TransactionSynchronizationManager.hasResource(this.underlying)) {
			TransactionSynchronizationManager.bindResource(this.underlying,
					TransactionSynchronizationManager.getResource(obtainDataSource()));
		}
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		Object own = TransactionSynchronizationManager.getResource(obtainDataSource());
		if (own instanceof ConnectionHolder && TransactionSynchronizationManager.getResource(this.underlying) == own) {
			TransactionSynchronizationManager.unbindResource(this.underlying);
		}
		super.doCleanupAfterCompletion(transaction);
	}

}
