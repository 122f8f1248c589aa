package dev.upgrader.engine;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.FlywayImport;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeFailure;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderException;
import dev.upgrader.UpgraderInfo;

/**
 * One tenant's engine: creates the tenant's schema before its first operation, since the
 * log table, the lock and the upgrades all live in it.
 */
final class TenantUpgrader implements Upgrader {

	private final TenantDataSource dataSource;

	private final UpgradeEngine engine;

	private volatile boolean schemaReady;

	TenantUpgrader(TenantDataSource dataSource, UpgradeEngine engine) {
		this.dataSource = dataSource;
		this.engine = engine;
	}

	private UpgradeEngine engine() {
		if (!this.schemaReady) {
			try {
				this.dataSource.createSchemaIfMissing();
			}
			catch (SQLException ex) {
				throw new UpgraderException(
						"Cannot create the schema of " + this.dataSource + ": " + RootCause.message(ex), ex);
			}
			this.schemaReady = true;
		}
		return this.engine;
	}

	@Override
	public List<AppliedUpgrade> applied() {
		return engine().applied();
	}

	@Override
	public List<PendingUpgrade> pending() {
		return engine().pending();
	}

	@Override
	public CheckReport check() {
		return engine().check();
	}

	@Override
	public RunResult run(RunOptions options) {
		return engine().run(options);
	}

	@Override
	public int populate() {
		return engine().populate();
	}

	@Override
	public List<UpgradeFailure> failures() {
		return engine().failures();
	}

	@Override
	public void markApplied(String id) {
		engine().markApplied(id);
	}

	@Override
	public void acceptChange(String id) {
		engine().acceptChange(id);
	}

	@Override
	public List<String> baseline(String id) {
		return engine().baseline(id);
	}

	@Override
	public FlywayImport importFlyway(String table, String repository) {
		return engine().importFlyway(table, repository);
	}

	@Override
	public UpgraderInfo info() {
		return engine().info();
	}

	@Override
	public Optional<String> lockHolder() {
		return engine().lockHolder();
	}

	@Override
	public String toString() {
		return "Upgrader of " + this.dataSource;
	}

}
