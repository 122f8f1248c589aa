package dev.upgrader.engine;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.UpgradeFailure;
import dev.upgrader.UpgraderException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The log table, and beside it the table of failed attempts (the log table's name with
 * {@code _failure} appended), through {@link JdbcTemplate} and portable SQL. Timestamps
 * are written as UTC without a zone, so every database and JVM time zone reads the same
 * instant.
 */
final class JdbcUpgradeLog implements UpgradeLog {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,54}");

	private static final String COLUMNS = "upgrade, applied, kind, duration_ms, applied_by, info";

	private static final String FAILURE_COLUMNS = "upgrade, failed_at, attempts, message, failed_by";

	private final JdbcTemplate jdbc;

	private final String table;

	private final String failureTable;

	private final DatabaseDialect dialect;

	/**
	 * Creates the log.
	 * @param jdbc a template on the upgraded database
	 * @param table the table name, a plain SQL identifier
	 * @param dialect the database's dialect
	 * @throws UpgraderException when the table name is not a plain identifier; no SQL
	 * runs
	 */
	JdbcUpgradeLog(JdbcTemplate jdbc, String table, DatabaseDialect dialect) {
		this.jdbc = jdbc;
		this.table = validateTableName(table);
		this.failureTable = table + "_failure";
		this.dialect = dialect;
	}

	/** See {@link UpgradeLog#validateTableName(String)}. */
	static String validateTableName(@Nullable String table) {
		if (table == null || !PLAIN_IDENTIFIER.matcher(table).matches()) {
			throw new UpgraderException("Invalid upgrader.table '" + table
					+ "': use a plain SQL identifier (a letter, then letters, digits or '_', at most 55 characters)");
		}
		return table;
	}

	@Override
	public boolean exists() {
		return tableExists(this.table);
	}

	private boolean tableExists(String name) {
		try {
			return JdbcUtils.extractDatabaseMetaData(this.jdbc.getDataSource(),
					(metaData) -> tableExists(metaData, name));
		}
		catch (Exception ex) {
			if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof UpgraderException clear) {
				throw clear;
			}
			throw new UpgraderException(
					"Cannot read the database metadata to find the table " + name + ": " + RootCause.message(ex), ex);
		}
	}

	private boolean tableExists(DatabaseMetaData metaData, String name) throws SQLException {
		String catalog = metaData.getConnection().getCatalog();
		String schema = this.dialect.schema(metaData.getConnection(), name);
		for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
			try (ResultSet tables = metaData.getTables(catalog, schema, candidate, new String[] { "TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public void createIfMissing() {
		create(this.table, createLogTable());
		create(this.failureTable, createFailureTable());
	}

	private String createLogTable() {
		return "CREATE TABLE " + this.table + " (upgrade VARCHAR(255) NOT NULL PRIMARY KEY, applied "
				+ this.dialect.timestampType() + " NOT NULL, kind VARCHAR(16) NOT NULL, duration_ms BIGINT,"
				+ " applied_by VARCHAR(255) NOT NULL, info VARCHAR(1000) NOT NULL)";
	}

	private String createFailureTable() {
		return "CREATE TABLE " + this.failureTable + " (upgrade VARCHAR(255) NOT NULL PRIMARY KEY, failed_at "
				+ this.dialect.timestampType() + " NOT NULL, attempts INT NOT NULL, message VARCHAR(2000) NOT NULL,"
				+ " failed_by VARCHAR(255) NOT NULL)";
	}

	private void create(String name, String ddl) {
		if (tableExists(name)) {
			return;
		}
		try {
			this.jdbc.execute(ddl);
		}
		catch (DataAccessException ex) {
			throw new UpgraderException("Cannot create the table " + name + ": " + RootCause.message(ex)
					+ ". Grant the application's database user the right to create tables, or create it ahead with: "
					+ ddl, ex);
		}
	}

	@Override
	public List<AppliedUpgrade> read() {
		if (!exists()) {
			return List.of();
		}
		return query(this.table, COLUMNS, "SELECT " + COLUMNS + " FROM " + this.table + " ORDER BY applied, upgrade",
				this::applied);
	}

	@Override
	public void record(List<AppliedUpgrade> rows) {
		this.jdbc.batchUpdate("INSERT INTO " + this.table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", rows, 500,
				(statement, row) -> {
					statement.setString(1, row.id());
					statement.setObject(2, utc(row.applied()));
					statement.setString(3, row.kind().name().toLowerCase(Locale.ROOT));
					statement.setObject(4, (row.duration() != null) ? row.duration().toMillis() : null, Types.BIGINT);
					statement.setString(5, row.appliedBy());
					statement.setString(6, truncate(row.info(), 1000));
				});
	}

	@Override
	public List<UpgradeFailure> failures() {
		if (!tableExists(this.failureTable)) {
			return List.of();
		}
		return query(this.failureTable, FAILURE_COLUMNS,
				"SELECT " + FAILURE_COLUMNS + " FROM " + this.failureTable + " ORDER BY failed_at, upgrade", FAILURE);
	}

	@Override
	public void recordFailure(UpgradeFailure failure) {
		List<Integer> attempts = this.jdbc.queryForList(
				"SELECT attempts FROM " + this.failureTable + " WHERE upgrade = ?", Integer.class, failure.id());
		clearFailure(failure.id());
		this.jdbc.update("INSERT INTO " + this.failureTable + " (" + FAILURE_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
				failure.id(), utc(failure.failedAt()), attempts.isEmpty() ? 1 : attempts.get(0) + 1,
				truncate(failure.message(), 2000), failure.failedBy());
	}

	@Override
	public void clearFailure(String id) {
		this.jdbc.update("DELETE FROM " + this.failureTable + " WHERE upgrade = ?", id);
	}

	private <T> List<T> query(String name, String columns, String sql, RowMapper<T> mapper) {
		try {
			return this.jdbc.query(sql, mapper);
		}
		catch (BadSqlGrammarException ex) {
			throw new UpgraderException("The table " + name
					+ " exists but is not an Upgrader table (expected the columns " + columns + "): "
					+ RootCause.message(ex) + ". Set upgrader.table to a name of its own, or move that table away.",
					ex);
		}
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet result, int column) throws SQLException {
		return result.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	private AppliedUpgrade applied(ResultSet result, int rowNum) throws SQLException {
		String id = result.getString(1);
		LocalDateTime applied = result.getObject(2, LocalDateTime.class);
		if (applied == null) {
			throw unreadable(id, "no applied time (NULL)");
		}
		String kind = result.getString(3);
		AppliedUpgrade.Kind parsed = Arrays.stream(AppliedUpgrade.Kind.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase(kind))
			.findFirst()
			.orElseThrow(() -> unreadable(id,
					"kind '" + kind + "', which is none of "
							+ Arrays.stream(AppliedUpgrade.Kind.values())
								.map((candidate) -> candidate.name().toLowerCase(Locale.ROOT))
								.collect(Collectors.joining(", "))));
		long millis = result.getLong(4);
		Duration duration = result.wasNull() ? null : Duration.ofMillis(millis);
		return new AppliedUpgrade(id, applied.toInstant(ZoneOffset.UTC), parsed, duration, result.getString(5),
				result.getString(6));
	}

	/** A row written by hand or by another tool, which no plan can be based on. */
	private UpgraderException unreadable(String id, String problem) {
		return new UpgraderException("The table " + this.table + " holds a row Upgrader cannot read: upgrade " + id
				+ " has " + problem + ". Correct or delete that row.");
	}

	private static final RowMapper<UpgradeFailure> FAILURE = (result, rowNum) -> new UpgradeFailure(result.getString(1),
			instant(result, 2), result.getInt(3), result.getString(4), result.getString(5));

}
