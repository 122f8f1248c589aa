package dev.upgrader;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an upgrade receives while it runs: the upgraded database and a channel to the
 * operator.
 *
 * @since 0.1.0
 */
public interface UpgradeContext {

	/**
	 * A {@link JdbcTemplate} on the upgraded database, taking part in the upgrade's
	 * transaction.
	 * @return the template
	 */
	JdbcTemplate jdbc();

	/**
	 * The upgraded database.
	 * @return the data source
	 */
	DataSource dataSource();

	/**
	 * The database the upgrade runs on, as named in SQL upgrades' file suffixes:
	 * {@code h2}, {@code postgresql} or {@code mysql} (MariaDB too), or the name of a
	 * user-supplied {@code DatabaseDialect}.
	 * @return the database's short name
	 */
	String database();

	/**
	 * The tenant the upgrade runs on, when Upgrader upgrades many tenants
	 * ({@code upgrader.tenants.*} or an {@link UpgradeTargets} bean).
	 * @return the tenant's name, or {@code null} when upgrading the application's own
	 * database
	 */
	default @Nullable String tenant() {
		return null;
	}

	/**
	 * Whether the run is unattended ({@code --yes-i-know}, or the start-up run): nobody
	 * answers questions.
	 * @return {@code true} when unattended
	 */
	boolean yesIKnow();

	/**
	 * Reports something the operator should look at; counted in the run's summary.
	 * @param message the warning
	 */
	void warn(String message);

	/**
	 * Asks the operator a question.
	 * @param question the question
	 * @param defaultAnswer the answer used when unattended or when the operator answers
	 * nothing
	 * @return the answer
	 */
	String ask(String question, String defaultAnswer);

}
