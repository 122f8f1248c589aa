package dev.upgrader.benchmarks.tenants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import dev.upgrader.RunOptions;
import dev.upgrader.TenantFailurePolicy;
import dev.upgrader.TenantListener;
import dev.upgrader.TenantsRunResult;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeTarget;
import dev.upgrader.engine.EngineSettings;
import dev.upgrader.engine.SqlUpgradeReader;
import dev.upgrader.engine.TenantEngines;
import dev.upgrader.engine.TenantRunner;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The two ways of upgrading every tenant: Upgrader's tenant runner, built as the
 * auto-configuration builds it for {@code upgrader.tenants.schemas}, and Flyway as its
 * users drive it, a {@code migrate()} per schema in a loop, or in a thread pool.
 */
final class TenantContenders {

	private TenantContenders() {
	}

	/**
	 * Upgrader: a fresh runner, as at an application's start, so that creating the
	 * engines and detecting the database are in.
	 */
	static TenantsRunResult upgrader(DataSource dataSource, List<String> schemas, String location, int parallelism) {
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		Map<String, List<Upgrade>> sqlUpgrades = new ConcurrentHashMap<>();
		TenantEngines engines = new TenantEngines((dialect) -> {
			List<Upgrade> upgrades = sqlUpgrades.computeIfAbsent(dialect.name(),
					(database) -> new SqlUpgradeReader(resources, database).read(List.of(location)));
			return () -> upgrades;
		}, EngineSettings.defaults(), (target) -> List.of());
		List<UpgradeTarget> targets = schemas.stream()
			.map((schema) -> UpgradeTarget.schema(dataSource, schema))
			.toList();
		TenantRunner runner = new TenantRunner(() -> targets, engines, parallelism, TenantFailurePolicy.CONTINUE);
		TenantsRunResult result = runner.runAll(RunOptions.unattended(), new TenantListener() {
		});
		if (!result.failed().isEmpty()) {
			throw new IllegalStateException(
					result.failed().size() + " tenant(s) failed, the first: " + result.failed().get(0).failure());
		}
		return result;
	}

	/**
	 * Flyway: one {@code migrate()} per schema, on the calling thread when the
	 * parallelism is 1, else in a fixed thread pool.
	 * @return the migrations executed
	 */
	static int flyway(DataSource dataSource, List<String> schemas, String location, int parallelism) throws Exception {
		if (parallelism == 1) {
			int executed = 0;
			for (String schema : schemas) {
				executed += migrate(dataSource, schema, location);
			}
			return executed;
		}
		ExecutorService pool = Executors.newFixedThreadPool(parallelism);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (String schema : schemas) {
				runs.add(pool.submit(() -> migrate(dataSource, schema, location)));
			}
			int executed = 0;
			for (Future<Integer> run : runs) {
				executed += run.get();
			}
			return executed;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static int migrate(DataSource dataSource, String schema, String location) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema)
			.locations(location)
			.load()
			.migrate().migrationsExecuted;
	}

}
