package dev.upgrader.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.upgrader.TenantFailurePolicy;
import dev.upgrader.engine.OnChangedUpgrade;
import dev.upgrader.engine.UpgradeLog;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of Upgrader.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("upgrader")
public class UpgraderProperties {

	/**
	 * Whether to enable Upgrader.
	 */
	private boolean enabled = true;

	/**
	 * JDBC URL of the database to run the upgrades on, through a connection of their own.
	 * Unset to use the application's DataSource (or the one marked @UpgraderDataSource).
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to run the upgrades on. Without upgrader.url, the other
	 * connection settings come from the application's DataSource.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to run the upgrades on.
	 */
	private @Nullable String password;

	/**
	 * Packages to scan for Upgrade classes. Defaults to the application's
	 * auto-configuration packages (the package of the @SpringBootApplication class).
	 */
	private List<String> packages = new ArrayList<>();

	/**
	 * Locations of SQL upgrade files, <id>.sql or <id>.<database>.sql (database h2,
	 * postgresql or mysql), sub-folders included. A 'classpath:' location is searched in
	 * every class path root.
	 */
	private List<String> sqlLocations = new ArrayList<>(Collections.singletonList("classpath:db/upgrades"));

	/**
	 * Whether to run pending upgrades at start-up. Switch off to leave runs to an admin.
	 */
	private boolean autoRun = true;

	/**
	 * When the start-up run happens. 'auto' runs it in the initializer phase when the
	 * context has beans that depend on database initialization (JPA's
	 * EntityManagerFactory, @DependsOnDatabaseInitialization beans; JDBC templates do not
	 * count), and in the runner phase otherwise.
	 */
	private AutoRunPhase autoRunPhase = AutoRunPhase.AUTO;

	/**
	 * Name of the log table, a plain SQL identifier.
	 */
	private String table = "upgrader_log";

	/**
	 * Whether to record every known upgrade as applied, without running it, when the
	 * application publishes a DatabaseCreatedEvent.
	 */
	private boolean populateOnDatabaseCreated = true;

	/**
	 * What a failed start-up run in the runner phase does: stop the application, or keep
	 * it running, live but refusing traffic, for an operator to look at. 'refuse-traffic'
	 * cannot apply in the initializer phase or with upgrader.mode=run-and-exit: the
	 * application then fails to start, saying so.
	 */
	private OnFailure onFailure = OnFailure.STOP;

	/**
	 * Name of a table with the log table's layout that holds rows copied from another
	 * database's log (e.g. staging). The durations recorded there replace the declared
	 * estimates of the same upgrade ids. Unset to use declared estimates only.
	 */
	private @Nullable String estimatesTable;

	/**
	 * How long an upgrade's statements may wait, on databases that would wait for ever
	 * (PostgreSQL): for a lock, and for the upgrade's own code while its transaction is
	 * open. The upgrade then fails, naming it. Zero leaves the database's own settings.
	 */
	private Duration upgradeWaitTimeout = Duration.ofMinutes(10);

	private final Lock lock = new Lock();

	private final Health health = new Health();

	private final Metrics metrics = new Metrics();

	private final Check check = new Check();

	private final Tenants tenants = new Tenants();

	/**
	 * How the application runs: 'start' as usual, or 'run-and-exit' to apply pending
	 * upgrades and exit (status 0, or non-zero with the error) without starting a web
	 * server or other runners, for an init container or a job. 'run-and-exit' runs the
	 * upgrades even with upgrader.auto-run=false.
	 */
	private Mode mode = Mode.START;

	/**
	 * What a run does when an applied upgrade's checksum differs from the one in the log:
	 * 'warn' logs each changed upgrade and runs, 'fail' refuses to run (the application
	 * then fails to start) until the change is reverted or accepted with 'upgrader
	 * accept-change ID'.
	 */
	private OnChangedUpgrade onChangedUpgrade = OnChangedUpgrade.WARN;

	/**
	 * Id of the upgrade a database built without Upgrader is at. While the log is empty,
	 * the first run records it and everything it depends on as in place (kind 'baseline')
	 * and runs only later upgrades; once the log has rows it is ignored.
	 */
	private @Nullable String baseline;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public List<String> getPackages() {
		return this.packages;
	}

	public void setPackages(List<String> packages) {
		this.packages = packages;
	}

	public List<String> getSqlLocations() {
		return this.sqlLocations;
	}

	public void setSqlLocations(List<String> sqlLocations) {
		this.sqlLocations = sqlLocations;
	}

	public boolean isAutoRun() {
		return this.autoRun;
	}

	public void setAutoRun(boolean autoRun) {
		this.autoRun = autoRun;
	}

	public AutoRunPhase getAutoRunPhase() {
		return this.autoRunPhase;
	}

	public void setAutoRunPhase(AutoRunPhase autoRunPhase) {
		this.autoRunPhase = autoRunPhase;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = UpgradeLog.validateTableName(table);
	}

	public boolean isPopulateOnDatabaseCreated() {
		return this.populateOnDatabaseCreated;
	}

	public void setPopulateOnDatabaseCreated(boolean populateOnDatabaseCreated) {
		this.populateOnDatabaseCreated = populateOnDatabaseCreated;
	}

	public Duration getUpgradeWaitTimeout() {
		return this.upgradeWaitTimeout;
	}

	public void setUpgradeWaitTimeout(Duration upgradeWaitTimeout) {
		if (upgradeWaitTimeout.isNegative()) {
			throw new IllegalArgumentException("Invalid upgrader.upgrade-wait-timeout '" + upgradeWaitTimeout
					+ "': use zero or a positive duration");
		}
		this.upgradeWaitTimeout = upgradeWaitTimeout;
	}

	public OnFailure getOnFailure() {
		return this.onFailure;
	}

	public void setOnFailure(OnFailure onFailure) {
		this.onFailure = onFailure;
	}

	public @Nullable String getEstimatesTable() {
		return this.estimatesTable;
	}

	public void setEstimatesTable(@Nullable String estimatesTable) {
		this.estimatesTable = estimatesTable;
	}

	public Lock getLock() {
		return this.lock;
	}

	public Health getHealth() {
		return this.health;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Check getCheck() {
		return this.check;
	}

	public Tenants getTenants() {
		return this.tenants;
	}

	public Mode getMode() {
		return this.mode;
	}

	public OnChangedUpgrade getOnChangedUpgrade() {
		return this.onChangedUpgrade;
	}

	public void setOnChangedUpgrade(OnChangedUpgrade onChangedUpgrade) {
		this.onChangedUpgrade = onChangedUpgrade;
	}

	public @Nullable String getBaseline() {
		return this.baseline;
	}

	public void setBaseline(@Nullable String baseline) {
		this.baseline = baseline;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	/**
	 * When the start-up run happens.
	 */
	public enum AutoRunPhase {

		/**
		 * The initializer phase when the context has beans that depend on database
		 * initialization (JPA's EntityManagerFactory, beans annotated
		 * with @DependsOnDatabaseInitialization; JDBC templates do not count), the runner
		 * phase otherwise.
		 */
		AUTO,

		/**
		 * From an ApplicationRunner ordered ahead of other runners, after the context
		 * started, while the application is live but not yet ready.
		 */
		RUNNER,

		/**
		 * During context start-up, before beans that depend on database initialization
		 * (JPA and friends) are created.
		 */
		INITIALIZER

	}

	/**
	 * How the application runs.
	 */
	public enum Mode {

		/**
		 * Start the application as usual; pending upgrades run at start-up as
		 * upgrader.auto-run and upgrader.auto-run-phase say.
		 */
		START,

		/**
		 * Apply pending upgrades, then close the context and exit, without a web server
		 * and before any other runner. A failed run fails the start: the process exits
		 * with a non-zero status.
		 */
		RUN_AND_EXIT

	}

	/**
	 * What a failed start-up run in the runner phase does.
	 */
	public enum OnFailure {

		/**
		 * Throw from the runner, so the application fails to start.
		 */
		STOP,

		/**
		 * Log the failure and keep the application running, live but with its readiness
		 * state REFUSING_TRAFFIC.
		 */
		REFUSE_TRAFFIC

	}

	/**
	 * The lock that serializes runs of several application instances.
	 */
	public static class Lock {

		/**
		 * How long to wait for another instance's run to finish before failing.
		 */
		private Duration waitTimeout = Duration.ofMinutes(5);

		/**
		 * Which lock serializes runs: 'session', a lock of the database session (H2,
		 * PostgreSQL, MariaDB/MySQL), or 'lease', a row of the lock table with an expiry
		 * on the database's clock, renewed while held and checked in the transaction of
		 * every log write; use 'lease' behind a transaction-pooling proxy (PgBouncer, RDS
		 * Proxy). Defaults to 'session' where the database has a session lock, 'lease'
		 * otherwise.
		 */
		private @Nullable LockMode mode;

		/**
		 * How long a lease lasts unless its holder renews it (every third of it). An
		 * instance that dies blocks the others this long at most; one that cannot renew
		 * for this long loses the lease and stops its run. At least 1 second.
		 */
		private Duration leaseDuration = Duration.ofSeconds(30);

		public @Nullable LockMode getMode() {
			return this.mode;
		}

		public void setMode(@Nullable LockMode mode) {
			this.mode = mode;
		}

		public Duration getLeaseDuration() {
			return this.leaseDuration;
		}

		public void setLeaseDuration(Duration leaseDuration) {
			if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
				throw new IllegalArgumentException(
						"Invalid upgrader.lock.lease-duration '" + leaseDuration + "': use at least 1 second");
			}
			this.leaseDuration = leaseDuration;
		}

		public Duration getWaitTimeout() {
			return this.waitTimeout;
		}

		public void setWaitTimeout(Duration waitTimeout) {
			if (waitTimeout.isNegative()) {
				throw new IllegalArgumentException(
						"Invalid upgrader.lock.wait-timeout '" + waitTimeout + "': use zero or a positive duration");
			}
			this.waitTimeout = waitTimeout;
		}

	}

	/**
	 * Which lock serializes runs of several application instances.
	 */
	public enum LockMode {

		/**
		 * A lock bound to a database session, which the database releases when its holder
		 * dies: a PostgreSQL advisory lock, MariaDB/MySQL GET_LOCK, an H2 row lock. It
		 * needs the session to stay with one connection, which transaction-pooling
		 * proxies do not guarantee.
		 */
		SESSION,

		/**
		 * A lease in the lock table, timed by the database's clock, renewed while held,
		 * taken over once expired and checked in the transaction of every log write.
		 */
		LEASE

	}

	/**
	 * The upgrader health indicator.
	 */
	public static class Health {

		/**
		 * Health status while upgrades are pending and no run of this process applies
		 * them, e.g. with auto-run off until an admin runs them. A status code such as
		 * 'up', 'out-of-service' or 'down'.
		 */
		private String pendingStatus = "up";

		public String getPendingStatus() {
			return this.pendingStatus;
		}

		public void setPendingStatus(String pendingStatus) {
			if (pendingStatus.isBlank()) {
				throw new IllegalArgumentException(
						"Invalid upgrader.health.pending-status '': use a health status code such as 'up', 'out-of-service' or 'down'");
			}
			this.pendingStatus = pendingStatus;
		}

	}

	/**
	 * The Micrometer meters.
	 */
	public static class Metrics {

		/**
		 * Whether the upgrade timer carries an 'upgrade' tag with the upgrade's id: one
		 * time series per upgrade class, which grows with every upgrade written.
		 */
		private boolean upgradeTag;

		/**
		 * Whether the meters of a multi-tenant run carry a 'tenant' tag: one time series
		 * per tenant.
		 */
		private boolean tenantTag;

		public boolean isUpgradeTag() {
			return this.upgradeTag;
		}

		public void setUpgradeTag(boolean upgradeTag) {
			this.upgradeTag = upgradeTag;
		}

		public boolean isTenantTag() {
			return this.tenantTag;
		}

		public void setTenantTag(boolean tenantTag) {
			this.tenantTag = tenantTag;
		}

	}

	/**
	 * Many tenants: the same upgrades on many schemas or databases.
	 */
	public static class Tenants {

		/**
		 * Schemas of the application's DataSource to upgrade as tenants (PostgreSQL and
		 * H2 schemas, MariaDB/MySQL databases), each with its own log table and lock;
		 * created when missing. With tenants, the start-up run upgrades them instead of
		 * the DataSource's default schema.
		 */
		private List<String> schemas = new ArrayList<>();

		/**
		 * How many tenants are upgraded at once. Defaults to 4, and is bounded by half
		 * the connection pool's maximum size (a tenant's run holds two connections: its
		 * lock and its upgrade).
		 */
		private @Nullable Integer parallelism;

		/**
		 * What a failed tenant does: 'continue' upgrades the others and starts the
		 * application, reporting the failed tenants; 'stop' skips the tenants not yet
		 * started and stops the application.
		 */
		private TenantFailurePolicy onFailure = TenantFailurePolicy.CONTINUE;

		public List<String> getSchemas() {
			return this.schemas;
		}

		public void setSchemas(List<String> schemas) {
			this.schemas = schemas;
		}

		public @Nullable Integer getParallelism() {
			return this.parallelism;
		}

		public void setParallelism(@Nullable Integer parallelism) {
			this.parallelism = parallelism;
		}

		public TenantFailurePolicy getOnFailure() {
			return this.onFailure;
		}

		public void setOnFailure(TenantFailurePolicy onFailure) {
			this.onFailure = onFailure;
		}

	}

	/**
	 * The check of the rules for writing upgrades ('upgrader check').
	 */
	public static class Check {

		/**
		 * Whether a broken rule for writing upgrades (two roots in a repository, a
		 * release that misses an upgrade of its time, an upgrade that uses application
		 * code) fails the check instead of being a warning. The list of upgrades since
		 * the last release stays a note.
		 */
		private boolean strict;

		public boolean isStrict() {
			return this.strict;
		}

		public void setStrict(boolean strict) {
			this.strict = strict;
		}

	}

}
