package dev.upgrader.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Matches when the upgrades have a database to run on: a {@link DataSource} bean (one or
 * several: choosing among them is {@link ChosenDataSource}'s job), or
 * {@code upgrader.url}.
 */
class OnUpgraderDataSourceCondition extends AnyNestedCondition {

	OnUpgraderDataSourceCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnBean(DataSource.class)
	static class DataSourceBeanCondition {

	}

	@ConditionalOnProperty("upgrader.url")
	static class UpgraderUrlCondition {

	}

}
