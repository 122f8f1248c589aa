package dev.upgrader.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderException;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.util.ClassUtils;

/**
 * The upgrades of packages, found as the starter finds them (concrete classes
 * implementing {@link Upgrade}, sub-packages included) and created in a small application
 * context whose only beans are a {@link DataSource} and a {@link JdbcTemplate} on it, so
 * that upgrades may take either in their constructor. Upgrades that need other beans are
 * tested from the application's own context instead:
 * {@link UpgraderAssertions#assertThat(org.springframework.context.ApplicationContext)}.
 *
 * @since 0.1.0
 */
public final class ScannedUpgrades {

	private ScannedUpgrades() {
	}

	/**
	 * The upgrades of the given packages, for the assertions on the graph; they get a
	 * {@link DataSource} that refuses connections.
	 * @param packages the packages to scan
	 * @return the upgrades, sorted by class name
	 * @throws UpgraderException when an upgrade class cannot be created, naming it
	 */
	public static List<Upgrade> in(String... packages) {
		return in(new NoDatabase(), packages);
	}

	/**
	 * The upgrades of the given packages, whose {@link DataSource} and
	 * {@link JdbcTemplate} constructor arguments use the given database, for
	 * {@link UpgradesAssert#appliesFromScratchOn(DataSource)}.
	 * @param dataSource the database the upgrades' collaborators use
	 * @param packages the packages to scan
	 * @return the upgrades, sorted by class name
	 * @throws UpgraderException when an upgrade class cannot be created, naming it
	 */
	public static List<Upgrade> in(DataSource dataSource, String... packages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(Upgrade.class));
		List<String> classNames = new ArrayList<>();
		for (String pkg : packages) {
			scanner.findCandidateComponents(pkg)
				.stream()
				.map(BeanDefinition::getBeanClassName)
				.filter((name) -> name != null && !classNames.contains(name))
				.forEach(classNames::add);
		}
		classNames.sort(null);
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(DataSource.class, () -> dataSource);
		context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource));
		ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
		for (String className : classNames) {
			context.registerBean(className,
					ClassUtils.resolveClassName(className, classLoader).asSubclass(Upgrade.class));
		}
		try {
			context.refresh();
		}
		catch (BeansException ex) {
			throw new UpgraderException("An upgrade class cannot be created for the test: " + ex.getMessage()
					+ ". Scanned upgrades get only a DataSource and a JdbcTemplate; test upgrades that need other beans"
					+ " with UpgraderAssertions.assertThat(applicationContext).", ex);
		}
		List<Upgrade> upgrades = new ArrayList<>();
		classNames.forEach((className) -> upgrades.add(context.getBean(className, Upgrade.class)));
		return upgrades;
	}

	/** The database of upgrades scanned for the graph assertions only. */
	private static final class NoDatabase extends AbstractDataSource {

		@Override
		public Connection getConnection() throws SQLException {
			throw new SQLException("The upgrades were scanned without a database: scan them with"
					+ " ScannedUpgrades.in(dataSource, packages) to run them");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

	}

}
