package dev.upgrader.engine;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;
import dev.upgrader.UpgraderException;
import org.springframework.dao.DataAccessException;

/**
 * An upgrade read from an SQL file: its statements run in order through
 * {@link UpgradeContext#jdbc()}, so in the upgrade's transaction like a Java upgrade's.
 */
final class SqlUpgrade implements Upgrade {

	private final String id;

	private final String file;

	private final SqlHeader header;

	private final List<SqlStatement> statements;

	private final String checksum;

	SqlUpgrade(String id, String file, SqlHeader header, List<SqlStatement> statements, String checksum) {
		this.id = id;
		this.file = file;
		this.header = header;
		this.statements = List.copyOf(statements);
		this.checksum = checksum;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public List<String> dependsOn() {
		return this.header.dependsOn();
	}

	@Override
	public String info() {
		return this.header.info();
	}

	@Override
	public Duration estimate() {
		Duration estimate = this.header.estimate();
		return (estimate != null) ? estimate : Upgrade.super.estimate();
	}

	/**
	 * The SHA-256 of the file's normalised text; see {@link SqlChecksum} for what
	 * normalising ignores.
	 */
	@Override
	public @Nullable String checksum() {
		return this.checksum;
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		for (SqlStatement statement : this.statements) {
			try {
				context.jdbc().execute(statement.sql());
			}
			catch (DataAccessException ex) {
				throw new UpgraderException("SQL file " + this.file + ": statement " + statement.number() + " (line "
						+ statement.line() + ") failed: " + statement.firstLine() + ": " + RootCause.message(ex), ex);
			}
		}
	}

	/**
	 * The file the upgrade was read from, as messages name it.
	 * @return the location-relative name, e.g. {@code classpath:db/upgrades/shop/x.sql}
	 */
	String file() {
		return this.file;
	}

	List<SqlStatement> statements() {
		return this.statements;
	}

	@Override
	public String toString() {
		return this.id;
	}

}
