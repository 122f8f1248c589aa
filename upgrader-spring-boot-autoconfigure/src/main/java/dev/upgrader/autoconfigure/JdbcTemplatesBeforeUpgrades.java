package dev.upgrader.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * Lets the application's {@code JdbcTemplate}, {@code NamedParameterJdbcTemplate} and
 * {@code JdbcClient} be created before the {@link UpgraderInitializer} has run, so that
 * upgrades can take them by constructor in the initializer phase too.
 * <p>
 * Spring Boot makes these beans wait for every database initializer: an upgrade taking
 * one would wait for itself. They still wait for the other initializers (Flyway,
 * Liquibase, SQL scripts), which run before the upgrades. Ordered after Spring Boot's
 * post-processor that adds those dependencies.
 */
final class JdbcTemplatesBeforeUpgrades implements BeanFactoryPostProcessor, Ordered {

	private static final List<Class<?>> TEMPLATE_TYPES = List.of(JdbcOperations.class,
			NamedParameterJdbcOperations.class, JdbcClient.class);

	@Override
	public int getOrder() {
		return 1;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Set<String> initializers = Set.of(beanFactory.getBeanNamesForType(UpgraderInitializer.class, true, false));
		if (initializers.isEmpty()) {
			return;
		}
		for (String name : templateBeanNames(beanFactory)) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			String[] dependsOn = definition.getDependsOn();
			if (dependsOn != null) {
				Set<String> kept = new LinkedHashSet<>(Arrays.asList(dependsOn));
				kept.removeAll(initializers);
				definition.setDependsOn(StringUtils.toStringArray(kept));
			}
		}
	}

	/**
	 * The beans of the JDBC template types that the context defines itself.
	 * @param beanFactory the bean factory
	 * @return their names
	 */
	static Set<String> templateBeanNames(ConfigurableListableBeanFactory beanFactory) {
		Set<String> names = new LinkedHashSet<>();
		for (Class<?> type : TEMPLATE_TYPES) {
			for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
				if (beanFactory.containsBeanDefinition(name)) {
					names.add(name);
				}
			}
		}
		return names;
	}

}
