package dev.upgrader.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import dev.upgrader.UpgraderDataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.function.SingletonSupplier;

/**
 * The {@link DataSource} the upgrades, their log and their lock run on. In order: the
 * DataSource marked {@link UpgraderDataSource @UpgraderDataSource}; a connection of the
 * upgrades' own to {@code upgrader.url}; the application's single DataSource, with the
 * credentials of {@code upgrader.user} and {@code upgrader.password} when they are set.
 * Chosen on first use, so that an application that replaces every bean needing it never
 * has to choose.
 */
final class ChosenDataSource {

	private final SingletonSupplier<DataSource> dataSource;

	ChosenDataSource(ObjectProvider<DataSource> upgraderDataSource, ObjectProvider<DataSource> dataSources,
			UpgraderProperties properties, ListableBeanFactory beanFactory) {
		this.dataSource = SingletonSupplier.of(() -> choose(upgraderDataSource, dataSources, properties, beanFactory));
	}

	/**
	 * The chosen DataSource.
	 * @return the DataSource
	 * @throws UpgraderDataSourceNotChosenException when the application has several
	 * DataSources and nothing says which one
	 */
	DataSource get() {
		return this.dataSource.obtain();
	}

	private static DataSource choose(ObjectProvider<DataSource> upgraderDataSource,
			ObjectProvider<DataSource> dataSources, UpgraderProperties properties, ListableBeanFactory beanFactory) {
		DataSource qualified = upgraderDataSource.getIfAvailable();
		if (qualified != null) {
			return qualified;
		}
		String url = properties.getUrl();
		if (url != null) {
			DataSourceBuilder<?> builder = DataSourceBuilder.create().url(url);
			builder.username(properties.getUser());
			builder.password(properties.getPassword());
			return builder.type(SimpleDriverDataSource.class).build();
		}
		boolean credentials = properties.getUser() != null || properties.getPassword() != null;
		DataSource dataSource = dataSources.getIfUnique();
		if (dataSource == null) {
			throw new UpgraderDataSourceNotChosenException(
					List.of(beanFactory.getBeanNamesForType(DataSource.class, true, false)), credentials);
		}
		return credentials ? derivedConnection(dataSource, properties) : dataSource;
	}

	private static DataSource derivedConnection(DataSource dataSource, UpgraderProperties properties) {
		DataSourceBuilder<?> builder = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class);
		if (properties.getUser() != null) {
			builder.username(properties.getUser());
		}
		if (properties.getPassword() != null) {
			builder.password(properties.getPassword());
		}
		return builder.build();
	}

}
