package dev.upgrader.shell;

import java.lang.reflect.Method;

import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.StringUtils;

/**
 * Registers one Spring Shell {@code Command} bean per {@code @Command} method of the
 * {@code upgrader} command classes.
 * <p>
 * Spring Shell 4.0.1 scans for {@code @Command} methods only under the
 * {@code @SpringBootApplication} package, which never contains this library; but it adds
 * every {@code Command} bean of the context to its registry. Each bean is an
 * {@link UpgraderCommandFactoryBean} that names its class and method, so that Spring AOT
 * can write the definitions as code.
 */
class UpgraderCommandRegistrar implements ImportBeanDefinitionRegistrar {

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		for (Class<?> commands : UpgraderCommands.CLASSES) {
			for (Method method : UpgraderCommands.commandMethods(commands)) {
				registry.registerBeanDefinition("upgrader" + StringUtils.capitalize(method.getName()) + "Command",
						BeanDefinitionBuilder.rootBeanDefinition(UpgraderCommandFactoryBean.class)
							.addConstructorArgValue(commands)
							.addConstructorArgValue(method.getName())
							.getBeanDefinition());
			}
		}
	}

}
