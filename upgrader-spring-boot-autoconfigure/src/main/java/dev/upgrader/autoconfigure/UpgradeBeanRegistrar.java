package dev.upgrader.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Registers every concrete {@link Upgrade} class under {@code upgrader.packages} as a
 * bean, unless the context already defines a bean of that class (e.g. a
 * {@code @Component}). The classes come from the build-time index where it covers a
 * package ({@link UpgradeClassIndex}), from a class path scan otherwise.
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
		UpgradeScanner scanner = new UpgradeScanner(this.environment);
		UpgradeClassIndex index = UpgradeClassIndex.load(beanFactory.getBeanClassLoader());
		DefinedUpgradeClasses defined = DefinedUpgradeClasses.of(beanFactory);
		for (String basePackage : packages) {
			List<BeanDefinition> candidates = candidates(basePackage, index, scanner);
			if (candidates.isEmpty() && explicit) {
				logger.warn("upgrader.packages entry '" + basePackage
						+ "' contains no Upgrade classes; check its spelling");
			}
			for (BeanDefinition candidate : candidates) {
				String className = candidate.getBeanClassName();
				if (className != null && defined.add(load(beanFactory, className))) {
					registry.registerBeanDefinition(className, candidate);
				}
			}
		}
	}

	/**
	 * The upgrade classes of a package: from the build-time index where it covers the
	 * package, else by scanning.
	 */
	private List<BeanDefinition> candidates(String basePackage, UpgradeClassIndex index, UpgradeScanner scanner) {
		String resolved = this.environment.resolveRequiredPlaceholders(basePackage);
		List<UpgradeClassIndex.Entry> indexed = index.find(resolved);
		if (indexed == null) {
			logger.debug("Scanning " + resolved + " for upgrades: not every class path root that holds it is a jar"
					+ " with an upgrade index");
			return List.copyOf(scanner.findCandidateComponents(basePackage));
		}
		logger.debug("Upgrades of " + resolved + " from the build-time index: " + indexed.size() + " classes");
		List<BeanDefinition> candidates = new ArrayList<>(indexed.size());
		for (UpgradeClassIndex.Entry entry : indexed) {
			BeanDefinition candidate = entry.plain() ? plain(entry.className()) : scanner.check(entry.className());
			if (candidate != null) {
				candidates.add(candidate);
			}
		}
		return candidates;
	}

	private static BeanDefinition plain(String className) {
		GenericBeanDefinition definition = new GenericBeanDefinition();
		definition.setBeanClassName(className);
		return definition;
	}

	private static Class<?> load(ConfigurableListableBeanFactory beanFactory, String className) {
		try {
			return ClassUtils.forName(className, beanFactory.getBeanClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new UpgraderException("Upgrade class " + className + " cannot be loaded: " + ex, ex);
		}
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
