package dev.upgrader.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import dev.upgrader.DatabaseCreatedEvent;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeListener;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderDataSource;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.SqlUpgradeReader;
import dev.upgrader.engine.UpgradeEngine;
import dev.upgrader.engine.UpgradeLock;
import dev.upgrader.engine.UpgradeLog;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Auto-configuration of Upgrader: discovers the upgrades, wires the engine on the
 * application's {@link DataSource} and runs pending upgrades at start-up.
 * <p>
 * With several DataSources the upgrades run on the one marked
 * {@link UpgraderDataSource @UpgraderDataSource}, on a connection of their own to
 * {@code upgrader.url}, or on the primary one; with none of these the start fails.
 * Without any DataSource and {@code upgrader.url} it backs off.
 * <p>
 * Ordered after Spring Shell's auto-configuration, whose runner backs off when an
 * {@code ApplicationRunner} bean exists before it: registering ours later keeps the
 * shell. Spring Shell 4.0.1 lists only {@code SpringShellAutoConfiguration} in its
 * imports file (it imports the runner's configuration itself), so that is the class to
 * order after.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		afterName = "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")
@ConditionalOnClass({ JdbcTemplate.class, DataSource.class })
@Conditional(OnUpgraderDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "upgrader.enabled", matchIfMissing = true)
@EnableConfigurationProperties(UpgraderProperties.class)
@Import({ DatabaseInitializationDependencyConfigurer.class, UpgraderTenantsConfiguration.class })
public final class UpgraderAutoConfiguration {

	@Bean
	static UpgradeBeanRegistrar upgraderUpgradeBeanRegistrar() {
		return new UpgradeBeanRegistrar();
	}

	@Bean
	static SqlUpgradeResourceHints upgraderSqlUpgradeResourceHints() {
		return new SqlUpgradeResourceHints();
	}

	@Bean
	ChosenDataSource upgraderChosenDataSource(@UpgraderDataSource ObjectProvider<DataSource> upgraderDataSource,
			ObjectProvider<DataSource> dataSources, UpgraderProperties properties, ListableBeanFactory beanFactory) {
		return new ChosenDataSource(upgraderDataSource, dataSources, properties, beanFactory);
	}

	@Bean
	static JdbcTemplatesBeforeUpgrades upgraderJdbcTemplatesBeforeUpgrades() {
		return new JdbcTemplatesBeforeUpgrades();
	}

	@Bean
	@ConditionalOnMissingBean
	DatabaseDialect upgraderDatabaseDialect(ChosenDataSource dataSource) {
		return DatabaseDialect.detect(dataSource.get());
	}

	@Bean
	@ConditionalOnMissingBean
	UpgradeLog upgraderLog(ChosenDataSource dataSource, DatabaseDialect dialect, UpgraderProperties properties) {
		return UpgradeLog.jdbc(dataSource.get(), properties.getTable(), dialect);
	}

	@Bean
	@ConditionalOnMissingBean
	UpgradeLock upgraderLock(ChosenDataSource dataSource, DatabaseDialect dialect, UpgraderProperties properties,
			ListableBeanFactory beanFactory) {
		return ConfiguredEngineSettings.of(properties, beanFactory).lock(dataSource.get(), dialect, null);
	}

	@Bean
	@ConditionalOnMissingBean(Upgrader.class)
	UpgradeEngine upgrader(ChosenDataSource chosen, DatabaseDialect dialect, ObjectProvider<Upgrade> upgrades,
			UpgradeLog log, UpgradeLock lock, ObjectProvider<UpgradeListener> listeners, UpgraderProperties properties,
			ObjectProvider<PlatformTransactionManager> transactionManagers, ApplicationContext context) {
		DataSource dataSource = chosen.get();
		List<Upgrade> sqlUpgrades = new SqlUpgradeReader(context, dialect.name()).read(properties.getSqlLocations());
		String estimatesTable = properties.getEstimatesTable();
		UpgradeLog recordedDurations = (estimatesTable != null) ? UpgradeLog.jdbc(dataSource, estimatesTable, dialect)
				: null;
		UpgradeEngine engine = new UpgradeEngine(dataSource, dialect, new UpgradeBeans(upgrades, sqlUpgrades), log,
				lock, listeners.orderedStream().toList(), recordedDurations,
				new UpgradeTransactionManager(dataSource, transactionManagers, context));
		ConfiguredEngineSettings.of(properties, context).applyTo(engine);
		return engine;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "upgrader.populate-on-database-created", matchIfMissing = true)
	UpgraderDatabaseCreatedListener upgraderDatabaseCreatedListener(Upgrader upgrader) {
		return new UpgraderDatabaseCreatedListener(upgrader);
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(StartupRunCondition.class)
	static class AutoRunConfiguration {

		@Bean
		static AutoRunPhaseSelector upgraderAutoRunPhaseSelector() {
			return new AutoRunPhaseSelector();
		}

		@Bean
		@ConditionalOnMissingBean
		UpgraderApplicationRunner upgraderApplicationRunner(Upgrader upgrader, UpgraderReadinessGuard readiness,
				UpgraderProperties properties, ObjectProvider<TenantsStartupRun> tenants) {
			return new UpgraderApplicationRunner(upgrader, readiness, properties.getOnFailure(),
					tenants.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean
		UpgraderReadinessGuard upgraderReadinessGuard(ApplicationEventPublisher publisher,
				ObjectProvider<ApplicationAvailability> availability) {
			return new UpgraderReadinessGuard(publisher, availability.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean
		UpgraderInitializer upgraderInitializer(Upgrader upgrader, ObjectProvider<TenantsStartupRun> tenants) {
			return new UpgraderInitializer(upgrader, tenants.getIfAvailable());
		}

		@Bean
		@ConditionalOnProperty(name = "upgrader.mode", havingValue = "run-and-exit")
		RunAndExitRunner upgraderRunAndExitRunner(Upgrader upgrader, ObjectProvider<TenantsStartupRun> tenants,
				ObjectProvider<UpgraderInitializer> initializers, ApplicationContext context) {
			return new RunAndExitRunner(upgrader, tenants.getIfAvailable(), initializers.stream().findAny().isPresent(),
					context, System::exit);
		}

		@Bean
		static LazyInitializationExcludeFilter upgraderLazyInitializationExcludeFilter() {
			return LazyInitializationExcludeFilter.forBeanTypes(UpgraderInitializer.class);
		}

	}

	/**
	 * A start-up run happens with {@code upgrader.auto-run} (the default) and, whatever
	 * it says, in the one-shot mode.
	 */
	static final class StartupRunCondition extends AnyNestedCondition {

		StartupRunCondition() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnBooleanProperty(name = "upgrader.auto-run", matchIfMissing = true)
		static final class AutoRun {

		}

		@ConditionalOnProperty(name = "upgrader.mode", havingValue = "run-and-exit")
		static final class RunAndExit {

		}

	}

	/**
	 * Records every known upgrade as applied when the application created a fresh
	 * database.
	 */
	static final class UpgraderDatabaseCreatedListener
			implements ApplicationListener<PayloadApplicationEvent<DatabaseCreatedEvent>> {

		private final Upgrader upgrader;

		UpgraderDatabaseCreatedListener(Upgrader upgrader) {
			this.upgrader = upgrader;
		}

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<DatabaseCreatedEvent> event) {
			this.upgrader.populate();
		}

	}

}
