package dev.upgrader.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Flyway's counterpart of {@link NoOpUpgrade}. It implements {@link JavaMigration}
 * directly because {@code BaseJavaMigration} takes its version from the class name, which
 * would need one class per migration.
 */
final class NoOpMigration implements JavaMigration {

	private final MigrationVersion version;

	private final String description;

	private NoOpMigration(int version) {
		this.version = MigrationVersion.fromVersion(Integer.toString(version));
		this.description = "Synthetic migration " + version;
	}

	/** Versions 1 to {@code count}. */
	static List<JavaMigration> migrations(int count) {
		List<JavaMigration> migrations = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			migrations.add(new NoOpMigration(i));
		}
		return migrations;
	}

	@Override
	public MigrationVersion getVersion() {
		return this.version;
	}

	@Override
	public String getDescription() {
		return this.description;
	}

	@Override
	public Integer getChecksum() {
		// Like BaseJavaMigration: Java migrations carry no checksum.
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) {
	}

}
