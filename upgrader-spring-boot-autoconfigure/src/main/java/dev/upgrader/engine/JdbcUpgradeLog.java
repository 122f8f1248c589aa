package dev.upgrader.engine;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.UpgraderException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The log table, through {@link JdbcTemplate} and portable SQL. Timestamps are written as
 * UTC without a zone, so every database and JVM time zone reads the same instant.
 *
 * @since 0.1.0
 */
public class JdbcUpgradeLog implements UpgradeLog {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,57}");

	private static final int INFO_LENGTH = 1000;

	private final JdbcTemplate jdbc;

	private final String table;

	private final DatabaseDialect dialect;

	/**
	 * Creates the log.
	 * @param jdbc a template on the upgraded database
	 * @param table the table name, a plain SQL identifier
	 * @param dialect the database's dialect
	 * @throws UpgraderException when the table name is not a plain identifier; no SQL runs
	 */
	public JdbcUpgradeLog(JdbcTemplate jdbc, String table, DatabaseDialect dialect) {
		this.jdbc = jdbc;
		this.table = validateTableName(table);
		this.dialect = dialect;
	}

	/**
	 * Checks that a table name is a plain identifier: a letter, then letters, digits or
	 * underscores, at most 58 characters (room for the {@code _lock} suffix within every
	 * database's limit).
	 * @param table the name
	 * @return the name
	 * @throws UpgraderException naming the value otherwise
	 */
	public static String validateTableName(String table) {
		if (table == null || !PLAIN_IDENTIFIER.matcher(table).matches()) {
			throw new UpgraderException("Invalid upgrader.table '" + table
					+ "': use a plain SQL identifier (a letter, then letters, digits or '_', at most 58 characters)");
		}
		return table;
	}

	@Override
	public boolean exists() {
		try {
			return JdbcUtils.extractDatabaseMetaData(this.jdbc.getDataSource(), this::tableExists);
		}
		catch (Exception ex) {
			throw new UpgraderException("Cannot read the database metadata to find the log table " + this.table + ": "
					+ DatabaseDialect.rootMessage(ex), ex);
		}
	}

	private boolean tableExists(DatabaseMetaData metaData) throws java.sql.SQLException {
		String catalog = metaData.getConnection().getCatalog();
		String schema = metaData.getConnection().getSchema();
		for (String name : List.of(this.table, this.table.toUpperCase(Locale.ROOT), this.table.toLowerCase(Locale.ROOT))) {
			// MariaDB reports databases as catalogs, PostgreSQL and H2 as schemas.
			try (ResultSet tables = metaData.getTables(catalog, (this.dialect == DatabaseDialect.MYSQL) ? null : schema,
					name, new String[] { "TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public void createIfMissing() {
		if (!exists()) {
			this.jdbc.execute(this.dialect.createLogTable(this.table));
		}
	}

	@Override
	public List<AppliedUpgrade> read() {
		return exists() ? readRows() : List.of();
	}

	/**
	 * One metadata lookup instead of the two of {@code createIfMissing()} then
	 * {@code read()}: each is a catalog query, plus a round trip for the current schema on
	 * PostgreSQL, and together they were the largest database cost of a no-op start (#6).
	 */
	@Override
	public List<AppliedUpgrade> createIfMissingAndRead() {
		if (!exists()) {
			this.jdbc.execute(this.dialect.createLogTable(this.table));
			return List.of();
		}
		return readRows();
	}

	private List<AppliedUpgrade> readRows() {
		return this.jdbc.query("SELECT upgrade, applied, kind, duration_ms, applied_by, info FROM " + this.table
				+ " ORDER BY applied, upgrade", ROW_MAPPER);
	}

	@Override
	public void record(List<AppliedUpgrade> rows) {
		this.jdbc.batchUpdate("INSERT INTO " + this.table
				+ " (upgrade, applied, kind, duration_ms, applied_by, info) VALUES (?, ?, ?, ?, ?, ?)", rows, 500,
				(statement, row) -> {
					statement.setString(1, row.id());
					statement.setObject(2, LocalDateTime.ofInstant(row.applied(), ZoneOffset.UTC));
					statement.setString(3, row.kind().name().toLowerCase(Locale.ROOT));
					statement.setObject(4, (row.duration() != null) ? row.duration().toMillis() : null,
							java.sql.Types.BIGINT);
					statement.setString(5, row.appliedBy());
					statement.setString(6, truncate(row.info()));
				});
	}

	private static String truncate(String info) {
		return (info.length() <= INFO_LENGTH) ? info : info.substring(0, INFO_LENGTH - 1) + "…";
	}

	/**
	 * The table name.
	 * @return the validated name
	 */
	public String table() {
		return this.table;
	}

	private static final RowMapper<AppliedUpgrade> ROW_MAPPER = (result, rowNum) -> {
		long millis = result.getLong(4);
		Duration duration = result.wasNull() ? null : Duration.ofMillis(millis);
		return new AppliedUpgrade(result.getString(1),
				result.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
				AppliedUpgrade.Kind.valueOf(result.getString(3).toUpperCase(Locale.ROOT)), duration,
				result.getString(5), result.getString(6));
	};

}
