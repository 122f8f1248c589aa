package dev.upgrader.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ResourceHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Keeps the SQL upgrade files in a native image: registers a resource hint for the
 * {@code .sql} files under every class path location of {@code upgrader.sql-locations},
 * as bound at build time (file system locations stay outside the image).
 */
class SqlUpgradeResourceHints implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		List<String> folders = classPathFolders(beanFactory.getBean(Environment.class));
		return (generationContext, code) -> {
			ResourceHints resources = generationContext.getRuntimeHints().resources();
			for (String folder : folders) {
				resources.registerPattern(folder);
				resources.registerPattern(folder + "/**/*.sql");
			}
		};
	}

	static List<String> classPathFolders(Environment environment) {
		List<String> locations = Binder.get(environment)
			.bind("upgrader.sql-locations", Bindable.listOf(String.class))
			.orElseGet(() -> new UpgraderProperties().getSqlLocations());
		return locations.stream()
			.filter((location) -> location.startsWith("classpath:") || !location.contains(":"))
			.map((location) -> location.replaceFirst("^classpath:", "").replaceAll("^/+|/+$", ""))
			.toList();
	}

}
