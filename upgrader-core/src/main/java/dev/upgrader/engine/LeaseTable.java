package dev.upgrader.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgradeLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL of the lease lock's table, {@code table_lock}: one row (id 1) naming the holder
 * (host, pid, a random token) with when it took the lease and when the lease expires.
 * Every time in it comes from the database's clock, in SQL: the JVM's clock is never
 * read, so instances whose clocks or time zones differ agree on who holds the lease.
 * <p>
 * The H2 row lock locks row 1 of the same table, which it creates with the id alone; the
 * lease adds its columns to such a table.
 */
final class LeaseTable {

	private static final String COLUMNS = "token, holder_host, holder_pid, acquired_at, expires_at";

	private final JdbcTemplate jdbc;

	private final String name;

	private final String timestampType;

	private final boolean zoned;

	private final String now;

	private final String expiry;

	LeaseTable(JdbcTemplate jdbc, String name, DatabaseDialect dialect, Duration leaseDuration) {
		this.jdbc = jdbc;
		this.name = name;
		this.timestampType = dialect.leaseTimestampType();
		this.zoned = this.timestampType.toUpperCase(Locale.ROOT).contains("TIME ZONE");
		this.now = dialect.currentTimestamp();
		this.expiry = "(" + this.now + " + INTERVAL '" + leaseDuration.toSeconds() + "."
				+ String.format(Locale.ROOT, "%03d", leaseDuration.toMillisPart()) + "' SECOND)";
	}

	String name() {
		return this.name;
	}

	/**
	 * Creates the table and its row unless they exist; another instance may be doing the
	 * same at the same time.
	 */
	void createIfMissing() {
		if (!readable()) {
			try {
				this.jdbc.execute("CREATE TABLE " + this.name + " (id INT NOT NULL PRIMARY KEY, token VARCHAR(36),"
						+ " holder_host VARCHAR(255), holder_pid BIGINT, acquired_at " + this.timestampType
						+ ", expires_at " + this.timestampType + ")");
			}
			catch (DataAccessException ex) {
				addColumnsToSessionLockTable(ex);
			}
		}
		try {
			if (this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.name + " WHERE id = 1", Integer.class) == 0) {
				this.jdbc.update("INSERT INTO " + this.name + " (id) VALUES (1)");
			}
		}
		catch (DataIntegrityViolationException ex) {
			// Another instance inserted the row meanwhile.
		}
	}

	private boolean readable() {
		try {
			this.jdbc.queryForList("SELECT " + COLUMNS + " FROM " + this.name + " WHERE id = 1");
			return true;
		}
		catch (BadSqlGrammarException ex) {
			return false;
		}
	}

	/**
	 * The table exists without the lease's columns (the H2 row lock's table), or another
	 * instance created it meanwhile.
	 */
	private void addColumnsToSessionLockTable(DataAccessException createFailure) {
		if (readable()) {
			return;
		}
		try {
			this.jdbc.queryForList("SELECT id FROM " + this.name + " WHERE id = 1");
		}
		catch (BadSqlGrammarException ex) {
			throw cannotCreate(createFailure);
		}
		String[] columns = { "token VARCHAR(36)", "holder_host VARCHAR(255)", "holder_pid BIGINT",
				"acquired_at " + this.timestampType, "expires_at " + this.timestampType };
		try {
			for (String column : columns) {
				this.jdbc.execute("ALTER TABLE " + this.name + " ADD COLUMN " + column);
			}
		}
		catch (DataAccessException ex) {
			if (!readable()) {
				throw cannotCreate(ex);
			}
		}
	}

	private UpgradeLockException cannotCreate(DataAccessException ex) {
		return new UpgradeLockException(
				"Cannot create the upgrade lease table " + this.name + " (id INT PRIMARY KEY, " + COLUMNS + "): "
						+ RootCause.message(ex)
						+ ". Grant the application's database user the right to create tables, or create it ahead.",
				ex);
	}

	/** Reads the lease and the database's time. */
	Lease read() {
		return this.jdbc.queryForObject("SELECT " + COLUMNS + ", " + this.now + " FROM " + this.name + " WHERE id = 1",
				(result, row) -> new Lease(result.getString(1), result.getString(2), result.getLong(3),
						instant(result, 4), instant(result, 5), instant(result, 6)));
	}

	/**
	 * Takes the lease if it is still as read: free, or expired with the token read.
	 * @return whether this instance took it
	 */
	boolean take(Lease seen, String token, String host, long pid) {
		String free = (seen.token() != null) ? "token = ? AND expires_at <= " + this.now : "token IS NULL";
		String sql = "UPDATE " + this.name + " SET token = ?, holder_host = ?, holder_pid = ?, acquired_at = "
				+ this.now + ", expires_at = " + this.expiry + " WHERE id = 1 AND " + free;
		return (seen.token() != null) ? this.jdbc.update(sql, token, host, pid, seen.token()) == 1
				: this.jdbc.update(sql, token, host, pid) == 1;
	}

	/**
	 * Extends the lease if this instance still holds it. Inside a transaction, the row
	 * stays locked until it ends, so no other instance can take the lease before then.
	 * @return whether it still held the lease
	 */
	boolean renew(String token) {
		return this.jdbc.update("UPDATE " + this.name + " SET expires_at = " + this.expiry
				+ " WHERE id = 1 AND token = ? AND expires_at > " + this.now, token) == 1;
	}

	/** Gives the lease up if this instance still holds it. */
	void release(String token) {
		this.jdbc.update("UPDATE " + this.name
				+ " SET token = NULL, holder_host = NULL, holder_pid = NULL, acquired_at = NULL, expires_at = NULL"
				+ " WHERE id = 1 AND token = ?", token);
	}

	private @Nullable Instant instant(ResultSet result, int column) throws SQLException {
		if (this.zoned) {
			OffsetDateTime value = result.getObject(column, OffsetDateTime.class);
			return (value != null) ? value.toInstant() : null;
		}
		LocalDateTime value = result.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	/**
	 * The lease row as read, with the database's time of the read.
	 *
	 * @param token the holder's random token, {@code null} when free
	 * @param host the holder's host
	 * @param pid the holder's process id
	 * @param acquired when the holder took the lease
	 * @param expires when the lease expires unless renewed
	 * @param now the database's time
	 */
	record Lease(@Nullable String token, @Nullable String host, long pid, @Nullable Instant acquired,
			@Nullable Instant expires, Instant now) {

		boolean free() {
			return this.token == null || expired();
		}

		boolean expired() {
			return this.expires == null || !this.expires.isAfter(this.now);
		}

		/** The holder, its lease and its expiry, for operators. */
		String describe() {
			String expiry = expired() ? "expired at " + this.expires : "expires at " + this.expires + ", in "
					+ Duration.between(this.now, this.expires).toSeconds() + " s";
			return "upgrader on " + this.host + " pid " + this.pid + " (lease " + this.token + ", taken at "
					+ this.acquired + ", " + expiry + " by the database clock)";
		}

	}

}
