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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
 * instant. Tables of earlier versions, without the {@code checksum} column, are read as
 * they are and get the column in place when {@link #createIfMissing()} runs under the
 * lock.
 */
final class JdbcUpgradeLog implements UpgradeLog {

	private static final Log logger = LogFactory.getLog(JdbcUpgradeLog.class);

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,54}");

	private static final String COLUMNS_BEFORE_CHECKSUMS = "upgrade, applied, kind, duration_ms, applied_by, info";

	private static final String COLUMNS = COLUMNS_BEFORE_CHECKSUMS + ", checksum";

	private static final String CHECKSUM_COLUMN = "checksum VARCHAR(255)";

	private static final Set<String> COLUMNS_OF_0_1_0 = Set.of("upgrade", "applied", "kind", "duration_ms",
			"applied_by", "info");

	private static final String FAILURE_COLUMNS = "upgrade, failed_at, attempts, message, failed_by";

	private final JdbcTemplate jdbc;

	private final String table;

	private final String failureTable;

	private final DatabaseDialect dialect;

	/** Once seen, the column stays: only then is it worth skipping the metadata query. */
	private volatile boolean checksumColumnSeen;

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

	private boolean hasChecksumColumn() {
		if (!this.checksumColumnSeen) {
			this.checksumColumnSeen = columns().contains("checksum");
		}
		return this.checksumColumnSeen;
	}

	/** The log table's column names in lower case; empty when it does not exist. */
	private Set<String> columns() {
		try {
			return JdbcUtils.extractDatabaseMetaData(this.jdbc.getDataSource(), this::columns);
		}
		catch (Exception ex) {
			throw new UpgraderException("Cannot read the database metadata to find the columns of " + this.table + ": "
					+ RootCause.message(ex), ex);
		}
	}

	private Set<String> columns(DatabaseMetaData metaData) throws SQLException {
		String catalog = metaData.getConnection().getCatalog();
		String schema = this.dialect.schema(metaData.getConnection(), this.table);
		Set<String> names = new HashSet<>();
		for (String candidate : List.of(this.table, this.table.toUpperCase(Locale.ROOT),
				this.table.toLowerCase(Locale.ROOT))) {
			try (ResultSet columns = metaData.getColumns(catalog, schema, candidate, null)) {
				while (columns.next()) {
					if (candidate.equals(columns.getString("TABLE_NAME"))) {
						names.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
			if (!names.isEmpty()) {
				return names;
			}
		}
		return names;
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
		addChecksumColumnIfMissing();
	}

	/**
	 * Log tables of versions before checksums lack the column; adding a nullable column
	 * keeps every row, whose checksum then stays unknown.
	 */
	private void addChecksumColumnIfMissing() {
		Set<String> columns = columns();
		if (columns.contains("checksum")) {
			this.checksumColumnSeen = true;
			return;
		}
		if (!columns.containsAll(COLUMNS_OF_0_1_0)) {
			// Not a log table of ours: leave it as it is; reading it reports so.
			return;
		}
		String ddl = "ALTER TABLE " + this.table + " ADD " + CHECKSUM_COLUMN;
		try {
			this.jdbc.execute(ddl);
		}
		catch (DataAccessException ex) {
			throw new UpgraderException(
					"Cannot add the checksum column to the table " + this.table + ": " + RootCause.message(ex)
							+ ". Grant the application's database user the right to alter it, or run: " + ddl,
					ex);
		}
		this.checksumColumnSeen = true;
		logger.info("Added the column checksum to the log table " + this.table + ".");
	}

	private String createLogTable() {
		return "CREATE TABLE " + this.table + " (upgrade VARCHAR(255) NOT NULL PRIMARY KEY, applied "
				+ this.dialect.timestampType() + " NOT NULL, kind VARCHAR(16) NOT NULL, duration_ms BIGINT,"
				+ " applied_by VARCHAR(255) NOT NULL, info VARCHAR(1000) NOT NULL, " + CHECKSUM_COLUMN + ")";
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
		String columns = hasChecksumColumn() ? COLUMNS : COLUMNS_BEFORE_CHECKSUMS;
		return query(this.table, columns, "SELECT " + columns + " FROM " + this.table + " ORDER BY applied, upgrade",
				this::applied);
	}

	@Override
	public void record(List<AppliedUpgrade> rows) {
		this.jdbc.batchUpdate("INSERT INTO " + this.table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", rows,
				500, (statement, row) -> {
					statement.setString(1, row.id());
					statement.setObject(2, utc(row.applied()));
					statement.setString(3, row.kind().name().toLowerCase(Locale.ROOT));
					statement.setObject(4, (row.duration() != null) ? row.duration().toMillis() : null, Types.BIGINT);
					statement.setString(5, row.appliedBy());
					statement.setString(6, truncate(row.info(), 1000));
					statement.setString(7, row.checksum());
				});
	}

	@Override
	public void updateChecksum(String id, @Nullable String checksum) {
		int updated = this.jdbc.update("UPDATE " + this.table + " SET checksum = ? WHERE upgrade = ?", checksum, id);
		if (updated != 1) {
			throw new UpgraderException(
					"Cannot record the checksum of " + id + ": the log table " + this.table + " has no row for it");
		}
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
				result.getString(6), (result.getMetaData().getColumnCount() > 6) ? result.getString(7) : null);
	}

	/** A row written by hand or by another tool, which no plan can be based on. */
	private UpgraderException unreadable(String id, String problem) {
		return new UpgraderException("The table " + this.table + " holds a row Upgrader cannot read: upgrade " + id
				+ " has " + problem + ". Correct or delete that row.");
	}

	private static final RowMapper<UpgradeFailure> FAILURE = (result, rowNum) -> new UpgradeFailure(result.getString(1),
			instant(result, 2), result.getInt(3), result.getString(4), result.getString(5));

}
