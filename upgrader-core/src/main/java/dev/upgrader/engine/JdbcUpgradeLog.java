package dev.upgrader.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.UpgradeFailure;
import dev.upgrader.UpgraderException;
import dev.upgrader.engine.DatabaseDialect.LogTables;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

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
	 * Whether both tables were seen or created: they are then read without looking for
	 * them first.
	 */
	private volatile boolean tablesSeen;

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
		return tables().log();
	}

	/**
	 * Which of the two tables exist, and the log table's columns, read on one connection:
	 * a tenant's run borrows connections many times, each costing round trips.
	 */
	private LogTables tables() {
		try {
			return this.jdbc.execute((ConnectionCallback<LogTables>) this::tables);
		}
		catch (RuntimeException ex) {
			throw metadataFailure(ex);
		}
	}

	private LogTables tables(Connection connection) throws SQLException {
		LogTables tables = this.dialect.logTables(connection, this.table, this.failureTable, !this.checksumColumnSeen);
		this.tablesSeen = tables.log() && tables.failure();
		this.checksumColumnSeen = this.checksumColumnSeen || tables.columns().contains("checksum");
		return tables;
	}

	private UpgraderException metadataFailure(Exception ex) {
		if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof UpgraderException clear) {
			return clear;
		}
		return new UpgraderException("Cannot read the database metadata to find the tables " + this.table + " and "
				+ this.failureTable + ": " + RootCause.message(ex), ex);
	}

	private boolean isCurrent() {
		return this.tablesSeen && this.checksumColumnSeen;
	}

	@Override
	public Optional<List<AppliedUpgrade>> readIfCurrent() {
		if (isCurrent()) {
			return Optional.of(read());
		}
		// The look-up and the read on one connection: each borrow of a tenant's
		// connection enters and leaves its schema, two more round trips (#13).
		try {
			return Optional
				.ofNullable(this.jdbc.execute((ConnectionCallback<@Nullable List<AppliedUpgrade>>) (connection) -> {
					lookUp(connection);
					return isCurrent() ? readOn(connection) : null;
				}));
		}
		catch (BadSqlGrammarException ex) {
			// The look-up found the table and its checksum column, not the others.
			throw notAnUpgraderTable(this.table, COLUMNS, ex);
		}
	}

	/** Looks the tables up, a failure reported as one to read the metadata. */
	private void lookUp(Connection connection) {
		try {
			tables(connection);
		}
		catch (SQLException | RuntimeException ex) {
			throw metadataFailure(ex);
		}
	}

	private List<AppliedUpgrade> readOn(Connection connection) throws SQLException {
		List<AppliedUpgrade> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(selectLog(COLUMNS))) {
			while (result.next()) {
				rows.add(applied(result, rows.size()));
			}
		}
		return rows;
	}

	private boolean hasChecksumColumn() {
		if (!this.checksumColumnSeen) {
			tables();
		}
		return this.checksumColumnSeen;
	}

	@Override
	public void createIfMissing() {
		create(tables());
	}

	@Override
	public void upgradeIfPresent() {
		LogTables tables = tables();
		if (tables.log()) {
			create(tables);
		}
	}

	/**
	 * Creates the missing tables; both in one transaction where DDL is transactional, so
	 * that a new tenant's log costs one commit.
	 */
	private void create(LogTables tables) {
		Map<String, String> ddl = new LinkedHashMap<>();
		if (!tables.log()) {
			ddl.put(this.table, createLogTable());
		}
		if (!tables.failure()) {
			ddl.put(this.failureTable, createFailureTable());
		}
		if (ddl.size() == 2 && this.dialect.transactionalDdl()) {
			List<String> statements = List.copyOf(ddl.values());
			execute(this.table, String.join("; ", statements), () -> this.jdbc
				.execute((ConnectionCallback<Void>) (connection) -> createTogether(connection, statements)));
		}
		else {
			ddl.forEach((name, statement) -> execute(name, statement, () -> this.jdbc.execute(statement)));
		}
		if (tables.log()) {
			addChecksumColumnIfMissing(tables.columns());
		}
		else {
			this.checksumColumnSeen = true;
		}
		this.tablesSeen = true;
	}

	private static @Nullable Void createTogether(Connection connection, List<String> ddl) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			for (String sql : ddl) {
				statement.execute(sql);
			}
			connection.commit();
		}
		catch (SQLException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
		return null;
	}

	private static void execute(String tables, String ddl, Runnable creation) {
		try {
			creation.run();
		}
		catch (DataAccessException ex) {
			throw new UpgraderException("Cannot create the table " + tables + ": " + RootCause.message(ex)
					+ ". Grant the application's database user the right to create tables, or create it ahead with: "
					+ ddl, ex);
		}
	}

	/**
	 * Log tables of versions before checksums lack the column; adding a nullable column
	 * keeps every row, whose checksum then stays unknown.
	 */
	private void addChecksumColumnIfMissing(Set<String> columns) {
		if (this.checksumColumnSeen || columns.contains("checksum")) {
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

	@Override
	public List<AppliedUpgrade> read() {
		if (!this.tablesSeen && !exists()) {
			return List.of();
		}
		String columns = hasChecksumColumn() ? COLUMNS : COLUMNS_BEFORE_CHECKSUMS;
		return query(this.table, columns, selectLog(columns), this::applied, this::exists);
	}

	private String selectLog(String columns) {
		return "SELECT " + columns + " FROM " + this.table + " ORDER BY applied, upgrade";
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
		if (!this.tablesSeen && !tables().failure()) {
			return List.of();
		}
		return query(this.failureTable, FAILURE_COLUMNS,
				"SELECT " + FAILURE_COLUMNS + " FROM " + this.failureTable + " ORDER BY failed_at, upgrade", FAILURE,
				() -> tables().failure());
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

	/**
	 * Reads a table; one seen earlier is read without looking for it first, and looked
	 * for only if reading it fails, as when it was dropped since.
	 */
	private <T> List<T> query(String name, String columns, String sql, RowMapper<T> mapper, BooleanSupplier exists) {
		try {
			return this.jdbc.query(sql, mapper);
		}
		catch (BadSqlGrammarException ex) {
			if (!exists.getAsBoolean()) {
				return List.of();
			}
			throw notAnUpgraderTable(name, columns, ex);
		}
	}

	private static UpgraderException notAnUpgraderTable(String name, String columns, DataAccessException ex) {
		return new UpgraderException(
				"The table " + name + " exists but is not an Upgrader table (expected the columns " + columns + "): "
						+ RootCause.message(ex) + ". Set upgrader.table to a name of its own, or move that table away.",
				ex);
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
