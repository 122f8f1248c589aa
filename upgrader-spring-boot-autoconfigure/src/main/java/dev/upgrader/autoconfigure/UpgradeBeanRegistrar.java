package dev.upgrader.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderException;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Registers every concrete {@link Upgrade} class under {@code upgrader.packages} as a
 * bean, unless the context already defines a bean of that class (e.g. a
 * {@code @Component}).
 * <p>
 * Under Spring AOT the scan happens at build time: the upgrades' bean definitions are
 * written as code with the others, and as a {@link BeanFactoryInitializationAotProcessor}
 * this registrar is itself left out of that code, so an AOT-processed application never
 * scans the class path. Its contribution registers the class of every upgrade bean for
 * reflection, so that a native image keeps what is read from it at run time: the simple
 * name that is the default {@link Upgrade#id()} and annotations such as {@code @Order}.
 * (Spring's generated code already registers the constructors it introspects, but not the
 * class an upgrade's {@code @Bean} method returns.)
 */
class UpgradeBeanRegistrar implements BeanDefinitionRegistryPostProcessor, BeanFactoryInitializationAotProcessor,
		EnvironmentAware, Ordered {

	private static final Log logger = LogFactory.getLog(UpgradeBeanRegistrar.class);

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
			return;
		}
		List<String> configured = configuredPackages();
		boolean explicit = !configured.isEmpty();
		List<String> packages = explicit ? configured : defaultPackages(beanFactory);
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				this.environment);
		scanner.addIncludeFilter(new AssignableTypeFilter(Upgrade.class));
		for (String basePackage : packages) {
			Set<BeanDefinition> candidates = scanner.findCandidateComponents(basePackage);
			if (candidates.isEmpty() && explicit) {
				logger.warn("upgrader.packages entry '" + basePackage
						+ "' contains no Upgrade classes; check its spelling");
			}
			for (BeanDefinition candidate : candidates) {
				String className = candidate.getBeanClassName();
				if (className != null && !isDefined(beanFactory, className)) {
					registry.registerBeanDefinition(className, candidate);
				}
			}
		}
	}

	/**
	 * Whether the context already has a bean of that class, e.g. a component or a @Bean.
	 */
	private static boolean isDefined(ConfigurableListableBeanFactory beanFactory, String className) {
		Class<?> type;
		try {
			type = ClassUtils.forName(className, beanFactory.getBeanClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new UpgraderException("Upgrade class " + className + " cannot be loaded: " + ex, ex);
		}
		return beanFactory.getBeanNamesForType(type, true, false).length > 0;
	}

	private List<String> configuredPackages() {
		return Binder.get(this.environment).bind("upgrader.packages", Bindable.listOf(String.class)).orElse(List.of());
	}

	private static List<String> defaultPackages(ConfigurableListableBeanFactory beanFactory) {
		return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		List<Class<?>> upgradeClasses = Arrays.stream(beanFactory.getBeanNamesForType(Upgrade.class, true, false))
			.map((name) -> beanFactory.getType(name, false))
			.filter(Objects::nonNull)
			.<Class<?>>map(ClassUtils::getUserClass)
			.distinct()
			.toList();
		return (generationContext, code) -> {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			upgradeClasses.forEach(reflection::registerType);
		};
	}

}
