package dev.upgrader.engine;

import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.RunOptions;
import dev.upgrader.UpgradeContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The context handed to one upgrade's hooks: warnings are logged with the upgrade's id
 * and collected for the run's summary.
 */
final class DefaultUpgradeContext implements UpgradeContext {

	private static final Log logger = LogFactory.getLog(DefaultUpgradeContext.class);

	private final String upgradeId;

	private final JdbcTemplate jdbc;

	private final String database;

	private final RunOptions options;

	private final List<String> warnings;

	DefaultUpgradeContext(String upgradeId, JdbcTemplate jdbc, String database, RunOptions options,
			List<String> warnings) {
		this.upgradeId = upgradeId;
		this.jdbc = jdbc;
		this.database = database;
		this.options = options;
		this.warnings = warnings;
	}

	@Override
	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	@Override
	public DataSource dataSource() {
		return this.jdbc.getDataSource();
	}

	@Override
	public String database() {
		return this.database;
	}

	@Override
	public @Nullable String tenant() {
		return (this.jdbc.getDataSource() instanceof TenantDataSource tenant) ? tenant.tenant() : null;
	}

	@Override
	public boolean yesIKnow() {
		return this.options.yesIKnow();
	}

	@Override
	public void warn(String message) {
		logger.warn(this.upgradeId + ": " + message);
		this.warnings.add(this.upgradeId + ": " + message);
	}

	@Override
	public String ask(String question, String defaultAnswer) {
		if (this.options.yesIKnow()) {
			return defaultAnswer;
		}
		String answer = this.options.operator().apply(this.upgradeId + ": " + question, defaultAnswer);
		return (answer == null || answer.isBlank()) ? defaultAnswer : answer;
	}

}
