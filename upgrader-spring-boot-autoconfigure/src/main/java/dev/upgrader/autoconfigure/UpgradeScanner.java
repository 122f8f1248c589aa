package dev.upgrader.autoconfigure;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderException;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Finds the classes that implement {@link Upgrade} by scanning packages, and applies the
 * same rules (concrete or with {@code @Lookup} methods, conditions such as
 * {@code @Profile}) to one class an index named.
 */
final class UpgradeScanner extends ClassPathScanningCandidateComponentProvider {

	UpgradeScanner(Environment environment) {
		super(false, environment);
		addIncludeFilter(new AssignableTypeFilter(Upgrade.class));
	}

	/**
	 * The bean definition of a class if the scan would take it.
	 * @param className the binary name of the class
	 * @return its definition, or {@code null} when the scan would leave it out
	 */
	@Nullable AnnotatedBeanDefinition check(String className) {
		try {
			MetadataReader reader = getMetadataReaderFactory().getMetadataReader(className);
			ScannedGenericBeanDefinition definition = new ScannedGenericBeanDefinition(reader);
			return (isCandidateComponent(reader) && isCandidateComponent(definition)) ? definition : null;
		}
		catch (IOException ex) {
			throw new UpgraderException("Upgrade class " + className + " of the upgrade index cannot be read: " + ex,
					ex);
		}
	}

}
