package dev.upgrader.engine;

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
 * Builds one engine per tenant from the same upgrades and settings: the tenant's log
 * table and lock live in its schema, or in its database when it has no schema. PostgreSQL
 * advisory lock keys and MariaDB/MySQL lock names are derived from the schema as well as
 * the table, so tenants on one server never wait for each other.
 *
 * @since 0.1.0
 */
public final class TenantEngines implements Function<UpgradeTarget, Upgrader> {

	private final Function<DatabaseDialect, ? extends Supplier<? extends Collection<? extends Upgrade>>> upgrades;

	private final EngineSettings settings;

	private final Function<UpgradeTarget, List<UpgradeListener>> listeners;

	private final Map<DataSource, DatabaseDialect> dialects = new ConcurrentHashMap<>();

	/**
	 * Creates the factory.
	 * @param upgrades supplies the upgrades for a tenant's database (SQL upgrades have
	 * per-database variants); shared by every tenant on that database, so upgrades run
	 * concurrently on several tenants and must not keep state of their own
	 * @param settings the settings of every tenant's engine, as of the single database's
	 * @param listeners the listeners of a tenant's engine
	 */
	public TenantEngines(
			Function<DatabaseDialect, ? extends Supplier<? extends Collection<? extends Upgrade>>> upgrades,
			EngineSettings settings, Function<UpgradeTarget, List<UpgradeListener>> listeners) {
		this.upgrades = upgrades;
		this.settings = settings;
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
		UpgradeEngine engine = new UpgradeEngine(dataSource, dialect, this.upgrades.apply(dialect),
				UpgradeLog.jdbc(dataSource, this.settings.table(), dialect),
				this.settings.lock(dataSource, dialect, target.schema()), this.listeners.apply(target), null,
				new TenantTransactionManager(dataSource));
		this.settings.applyTo(engine);
		return new TenantUpgrader(dataSource, engine);
	}

}
