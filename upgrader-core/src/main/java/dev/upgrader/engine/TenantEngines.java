package dev.upgrader.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeListener;
import dev.upgrader.UpgradeTarget;
import dev.upgrader.Upgrader;

/**
 * Builds one engine per tenant from the same upgrades: the tenant's log table and lock
 * live in its schema, or in its database when it has no schema. PostgreSQL advisory lock
 * keys and MariaDB/MySQL lock names are derived from the schema as well as the table, so
 * tenants on one server never wait for each other.
 *
 * @since 0.1.0
 */
public final class TenantEngines implements Function<UpgradeTarget, Upgrader> {

	private final Function<DatabaseDialect, ? extends Supplier<? extends Collection<? extends Upgrade>>> upgrades;

	private final String table;

	private final Duration lockWaitTimeout;

	private final Function<UpgradeTarget, List<UpgradeListener>> listeners;

	private final Map<DataSource, DatabaseDialect> dialects = new ConcurrentHashMap<>();

	/**
	 * Creates the factory.
	 * @param upgrades supplies the upgrades for a tenant's database (SQL upgrades have
	 * per-database variants); shared by every tenant on that database, so upgrades run
	 * concurrently on several tenants and must not keep state of their own
	 * @param table the name of each tenant's log table
	 * @param lockWaitTimeout how long a tenant's run waits for its lock
	 * @param listeners the listeners of a tenant's engine
	 */
	public TenantEngines(
			Function<DatabaseDialect, ? extends Supplier<? extends Collection<? extends Upgrade>>> upgrades,
			String table, Duration lockWaitTimeout, Function<UpgradeTarget, List<UpgradeListener>> listeners) {
		this.upgrades = upgrades;
		this.table = UpgradeLog.validateTableName(table);
		this.lockWaitTimeout = lockWaitTimeout;
		this.listeners = listeners;
	}

	/**
	 * Creates a tenant's engine; connects to its database only to detect the database
	 * type, once per DataSource.
	 * @param target the tenant
	 * @return its upgrader
	 */
	@Override
	public Upgrader apply(UpgradeTarget target) {
		DatabaseDialect dialect = this.dialects.computeIfAbsent(target.dataSource(), DatabaseDialect::detect);
		TenantDataSource dataSource = new TenantDataSource(target, dialect);
		String lockScope = (target.schema() != null) ? target.schema() + "." + this.table : this.table;
		UpgradeEngine engine = new UpgradeEngine(dataSource, dialect, this.upgrades.apply(dialect),
				UpgradeLog.jdbc(dataSource, this.table, dialect),
				dialect.lock(dataSource, lockScope, this.lockWaitTimeout), this.listeners.apply(target), null,
				new TenantTransactionManager(dataSource));
		return new TenantUpgrader(dataSource, engine);
	}

}
