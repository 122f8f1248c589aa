package dev.upgrader.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.FlywayImport;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeFailure;
import dev.upgrader.UpgradeListener;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderInfo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine behind the {@link Upgrader} facade, a thin facade over one class per
 * command; see {@link RunCommand} for the sequence of a run.
 *
 * @since 0.1.0
 */
public class UpgradeEngine implements Upgrader {

	private final UpgradeLog log;

	private final UpgradeLock lock;

	private final PendingCommand pendingCommand;

	private final RunCommand runCommand;

	private final CheckCommand checkCommand;

	private final PopulateCommand populateCommand;

	private final MarkAppliedCommand markAppliedCommand;

	private final InfoCommand infoCommand;

	private final RunSettings settings = new RunSettings();

	private final BaselineCommand baselineCommand;

	private final AcceptChangeCommand acceptChangeCommand;

	private final FlywayImportCommand flywayImportCommand;

	private final LogPlanner planner;

	private final UpgradeExecutor executor;

	private volatile UpgradeRules rules = UpgradeRules.defaults();

	/**
	 * Creates the engine.
	 * @param dataSource the database to upgrade
	 * @param dialect its dialect
	 * @param upgrades supplies the upgrades of the code; called at every operation
	 * @param log the log table
	 * @param lock the lock around runs and populates
	 * @param listeners notified of what the engine does
	 */
	public UpgradeEngine(DataSource dataSource, DatabaseDialect dialect,
			Supplier<? extends Collection<? extends Upgrade>> upgrades, UpgradeLog log, UpgradeLock lock,
			List<UpgradeListener> listeners) {
		this(dataSource, dialect, upgrades, log, lock, listeners, null);
	}

	/**
	 * Creates the engine with a second log whose recorded durations replace the declared
	 * estimates of the same upgrade ids.
	 * @param dataSource the database to upgrade
	 * @param dialect its dialect
	 * @param upgrades supplies the upgrades of the code; called at every operation
	 * @param log the log table
	 * @param lock the lock around runs and populates
	 * @param listeners notified of what the engine does
	 * @param recordedDurations rows of upgrades that ran elsewhere (e.g. a staging
	 * database's log copied into this one), or {@code null} to use declared estimates
	 * only
	 */
	public UpgradeEngine(DataSource dataSource, DatabaseDialect dialect,
			Supplier<? extends Collection<? extends Upgrade>> upgrades, UpgradeLog log, UpgradeLock lock,
			List<UpgradeListener> listeners, @Nullable UpgradeLog recordedDurations) {
		this(dataSource, dialect, upgrades, log, lock, listeners, recordedDurations,
				new DataSourceTransactionManager(dataSource));
	}

	/**
	 * Creates the engine running each upgrade and its log row in transactions of the
	 * given manager, so that code an upgrade calls (a JPA repository, a
	 * {@code @Transactional} service) joins the upgrade's transaction.
	 * @param dataSource the database to upgrade
	 * @param dialect its dialect
	 * @param upgrades supplies the upgrades of the code; called at every operation
	 * @param log the log table
	 * @param lock the lock around runs and populates
	 * @param listeners notified of what the engine does
	 * @param recordedDurations rows of upgrades that ran elsewhere, or {@code null} to
	 * use declared estimates only
	 * @param transactionManager the transaction manager; it must bind the connections of
	 * {@code dataSource} to its transactions, as a {@link DataSourceTransactionManager}
	 * or a {@code JpaTransactionManager} on that DataSource do: otherwise an upgrade and
	 * its log row would not commit together
	 * @since 0.1.0
	 */
	public UpgradeEngine(DataSource dataSource, DatabaseDialect dialect,
			Supplier<? extends Collection<? extends Upgrade>> upgrades, UpgradeLog log, UpgradeLock lock,
			List<UpgradeListener> listeners, @Nullable UpgradeLog recordedDurations,
			PlatformTransactionManager transactionManager) {
		LogPlanner planner = new LogPlanner(upgrades, log, this.settings);
		PendingDescriptions descriptions = new PendingDescriptions(recordedDurations);
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		UpgradeListener listener = new CompositeUpgradeListener(listeners);
		UpgradeExecutor executor = new UpgradeExecutor(new JdbcTemplate(dataSource), log, transactions, dialect,
				HostName.VALUE);
		this.planner = planner;
		this.executor = executor;
		this.log = log;
		this.lock = lock;
		this.pendingCommand = new PendingCommand(planner, descriptions);
		InPlaceRows inPlace = new InPlaceRows(log, transactions, listener, HostName.VALUE);
		this.baselineCommand = new BaselineCommand(planner, log, lock, inPlace);
		this.runCommand = new RunCommand(planner, log, lock, executor, descriptions, dialect, listener, this.settings,
				this.baselineCommand);
		this.checkCommand = new CheckCommand(planner, executor, descriptions, transactions);
		this.populateCommand = new PopulateCommand(upgrades, log, lock, inPlace, listener);
		this.markAppliedCommand = new MarkAppliedCommand(planner, log, lock, inPlace);
		this.infoCommand = new InfoCommand(planner, log, lock, descriptions);
		this.acceptChangeCommand = new AcceptChangeCommand(planner, log, lock, transactions);
		this.flywayImportCommand = new FlywayImportCommand(new FlywayHistory(new JdbcTemplate(dataSource), dialect),
				log, lock, inPlace);
	}

	/**
	 * Sets what a run does when an applied upgrade's checksum changed: warn (the default)
	 * or refuse to run.
	 * @param onChangedUpgrade the policy
	 * @since 0.1.0
	 */
	public void setOnChangedUpgrade(OnChangedUpgrade onChangedUpgrade) {
		this.settings.onChangedUpgrade(onChangedUpgrade);
	}

	/**
	 * Sets the upgrade an empty log starts from: the first run records it and everything
	 * it depends on as in place (kind {@code baseline}) and runs only later upgrades;
	 * once the log has rows the setting is ignored. Plans of an empty log already leave
	 * those upgrades out.
	 * @param id the upgrade id, or {@code null} to start from nothing (the default)
	 * @since 0.1.0
	 */
	public void setBaseline(@Nullable String id) {
		this.settings.baseline(id);
	}

	/**
	 * Sets the rules for writing upgrades that {@link #check()} reports on; by default
	 * {@link UpgradeRules#defaults()}.
	 * @param rules the rules
	 */
	public void setRules(UpgradeRules rules) {
		this.rules = rules;
	}

	/**
	 * Bounds how long an upgrade's statements wait, on databases that would wait for ever
	 * (PostgreSQL): for a lock, and for the upgrade's own code while its transaction is
	 * open, as when a statement on a connection of its own waits for a row the
	 * transaction locked. The upgrade then fails, naming it and the bound.
	 * @param waitTimeout the bound; zero leaves the database's own settings; 10 minutes
	 * unless set
	 * @since 0.1.0
	 */
	public void setUpgradeWaitTimeout(Duration waitTimeout) {
		this.executor.setWaitTimeout(waitTimeout);
	}

	@Override
	public List<AppliedUpgrade> applied() {
		return this.log.read();
	}

	@Override
	public List<PendingUpgrade> pending() {
		return this.pendingCommand.pending();
	}

	@Override
	public CheckReport check() {
		return this.checkCommand.check(this.rules);
	}

	@Override
	public List<CheckReport.Warning> ruleWarnings() {
		return this.rules.check(this.planner.graph());
	}

	@Override
	public RunResult run(RunOptions options) {
		return this.runCommand.run(options);
	}

	@Override
	public int populate() {
		return this.populateCommand.populate();
	}

	@Override
	public List<UpgradeFailure> failures() {
		return this.log.failures();
	}

	@Override
	public void markApplied(String id) {
		this.markAppliedCommand.markApplied(id);
	}

	@Override
	public void acceptChange(String id) {
		this.acceptChangeCommand.acceptChange(id);
	}

	@Override
	public List<String> baseline(String id) {
		return this.baselineCommand.baseline(id);
	}

	@Override
	public FlywayImport importFlyway(String table, String repository) {
		return this.flywayImportCommand.importFlyway(table, repository);
	}

	@Override
	public UpgraderInfo info() {
		return this.infoCommand.info();
	}

	@Override
	public Optional<String> lockHolder() {
		return this.lock.holder();
	}

}
