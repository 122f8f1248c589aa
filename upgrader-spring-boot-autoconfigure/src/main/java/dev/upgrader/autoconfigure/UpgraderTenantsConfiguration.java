package dev.upgrader.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.upgrader.TenantListener;
import dev.upgrader.TenantRun;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeListener;
import dev.upgrader.UpgradeTarget;
import dev.upgrader.UpgradeTargets;
import dev.upgrader.UpgraderTenants;
import dev.upgrader.engine.SqlUpgradeReader;
import dev.upgrader.engine.TenantEngines;
import dev.upgrader.engine.TenantRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.metadata.CompositeDataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Many tenants: one engine per schema of {@code upgrader.tenants.schemas} and per target
 * of the {@link UpgradeTargets} beans, run by a {@link TenantRunner}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnTenantsCondition.class)
class UpgraderTenantsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	UpgraderTenants upgraderTenants(ChosenDataSource chosen, ObjectProvider<UpgradeTargets> userTargets,
			ObjectProvider<Upgrade> upgrades, ObjectProvider<UpgradeListener> listeners, UpgraderProperties properties,
			ObjectProvider<DataSourcePoolMetadataProvider> pools, ApplicationContext resources) {
		UpgraderProperties.Tenants tenants = properties.getTenants();
		List<String> schemas = List.copyOf(tenants.getSchemas());
		DataSource dataSource = schemas.isEmpty() ? null : chosen.get();
		List<UpgradeTarget> fromSchemas = schemas.stream()
			.map((schema) -> UpgradeTarget.schema(dataSource, schema))
			.toList();
		List<UpgradeListener> engineListeners = listeners.orderedStream().toList();
		Map<String, List<Upgrade>> sqlUpgrades = new ConcurrentHashMap<>();
		TenantEngines engines = new TenantEngines(
				(dialect) -> new UpgradeBeans(upgrades, sqlUpgrades.computeIfAbsent(dialect.name(),
						(database) -> new SqlUpgradeReader(resources, database).read(properties.getSqlLocations()))),
				ConfiguredEngineSettings.of(properties, resources), (target) -> engineListeners);
		int parallelism = TenantParallelism.of(tenants.getParallelism(), poolOf(dataSource, userTargets),
				new CompositeDataSourcePoolMetadataProvider(pools.orderedStream().toList()));
		return new TenantRunner(() -> {
			List<UpgradeTarget> all = new ArrayList<>(fromSchemas);
			userTargets.orderedStream().forEach((targets) -> all.addAll(targets.targets()));
			return all;
		}, engines, parallelism, tenants.getOnFailure());
	}

	/**
	 * The pool that bounds the parallelism: the schemas' DataSource, or the first
	 * target's.
	 */
	private static @Nullable DataSource poolOf(@Nullable DataSource dataSource,
			ObjectProvider<UpgradeTargets> userTargets) {
		if (dataSource != null) {
			return dataSource;
		}
		return userTargets.orderedStream()
			.flatMap((targets) -> targets.targets().stream())
			.map(UpgradeTarget::dataSource)
			.findFirst()
			.orElse(null);
	}

	@Bean
	@ConditionalOnMissingBean
	TenantsStartupRun upgraderTenantsStartupRun(UpgraderTenants tenants, ObjectProvider<TenantListener> listeners,
			UpgraderProperties properties) {
		List<TenantListener> all = listeners.orderedStream().toList();
		return new TenantsStartupRun(tenants, properties.getTenants().getOnFailure(), new TenantListener() {

			@Override
			public void tenantsStarting(int count, int parallelism) {
				all.forEach((listener) -> listener.tenantsStarting(count, parallelism));
			}

			@Override
			public void tenantStarting(String tenant) {
				all.forEach((listener) -> listener.tenantStarting(tenant));
			}

			@Override
			public void tenantFinished(TenantRun run) {
				all.forEach((listener) -> listener.tenantFinished(run));
			}

		});
	}

}
