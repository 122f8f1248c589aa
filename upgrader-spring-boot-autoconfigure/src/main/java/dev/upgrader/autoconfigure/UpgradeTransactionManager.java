package dev.upgrader.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.util.ClassUtils;

/**
 * The transaction manager the engine runs upgrades in: once the context has started, the
 * application's, when it has exactly one and it manages Upgrader's DataSource (so that a
 * JPA repository or a {@code @Transactional} service called by an upgrade joins the
 * upgrade's transaction); otherwise a {@link DataSourceTransactionManager} of Upgrader's
 * own, which the application's JDBC code joins too.
 * <p>
 * A start-up run in the initializer phase happens before the context has started, and
 * before the application's transaction manager may be created: JPA's needs the
 * EntityManagerFactory, which waits for the upgrades.
 */
final class UpgradeTransactionManager implements PlatformTransactionManager {

	private static final Log logger = LogFactory.getLog(UpgradeTransactionManager.class);

	private static final boolean JPA_PRESENT = ClassUtils.isPresent("org.springframework.orm.jpa.JpaTransactionManager",
			UpgradeTransactionManager.class.getClassLoader());

	private final DataSource dataSource;

	private final ObjectProvider<PlatformTransactionManager> applicationManagers;

	private final ApplicationContext context;

	private final PlatformTransactionManager own;

	private final Map<TransactionStatus, PlatformTransactionManager> managers = new ConcurrentHashMap<>();

	private volatile @Nullable PlatformTransactionManager application;

	/**
	 * Creates the transaction manager.
	 * @param dataSource the DataSource that Upgrader upgrades
	 * @param applicationManagers the application's transaction managers
	 * @param context the application context, whose running state tells when the
	 * application's transaction manager may be used
	 */
	UpgradeTransactionManager(DataSource dataSource, ObjectProvider<PlatformTransactionManager> applicationManagers,
			ApplicationContext context) {
		this.dataSource = dataSource;
		this.applicationManagers = applicationManagers;
		this.context = context;
		this.own = new DataSourceTransactionManager(dataSource);
	}

	@Override
	public TransactionStatus getTransaction(@Nullable TransactionDefinition definition) {
		PlatformTransactionManager manager = current();
		TransactionStatus status = manager.getTransaction(definition);
		this.managers.put(status, manager);
		return status;
	}

	@Override
	public void commit(TransactionStatus status) {
		managerOf(status).commit(status);
	}

	@Override
	public void rollback(TransactionStatus status) {
		managerOf(status).rollback(status);
	}

	private PlatformTransactionManager managerOf(TransactionStatus status) {
		PlatformTransactionManager manager = this.managers.remove(status);
		return (manager != null) ? manager : this.own;
	}

	private PlatformTransactionManager current() {
		if (!(this.context instanceof Lifecycle lifecycle) || !lifecycle.isRunning()) {
			return this.own;
		}
		PlatformTransactionManager resolved = this.application;
		if (resolved == null) {
			resolved = resolveApplicationManager();
			this.application = resolved;
		}
		return resolved;
	}

	private PlatformTransactionManager resolveApplicationManager() {
		PlatformTransactionManager candidate = this.applicationManagers.getIfUnique();
		if (candidate == null) {
			return this.own;
		}
		if (!manages(candidate)) {
			logger.info("Upgrades run in a DataSourceTransactionManager of Upgrader's own: the application's "
					+ candidate.getClass().getName() + " does not manage Upgrader's DataSource");
			return this.own;
		}
		return candidate;
	}

	private boolean manages(PlatformTransactionManager candidate) {
		if (candidate instanceof DataSourceTransactionManager dataSourceManager) {
			return dataSourceManager.getDataSource() == this.dataSource;
		}
		return JPA_PRESENT && JpaManagers.manages(candidate, this.dataSource);
	}

	@Override
	public String toString() {
		return "Upgrader's transaction manager (" + current() + ")";
	}

	/** Kept apart so that the class loads without Spring ORM. */
	private static final class JpaManagers {

		static boolean manages(PlatformTransactionManager candidate, DataSource dataSource) {
			return candidate instanceof JpaTransactionManager jpa && jpa.getDataSource() == dataSource;
		}

	}

}
