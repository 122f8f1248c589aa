package dev.upgrader.shell;

import java.lang.reflect.Method;
import java.util.Set;

import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.util.StringUtils;

/**
 * Registers one Spring Shell {@code Command} bean per {@code @Command} method of the
 * {@code upgrader} command classes.
 * <p>
 * Spring Shell 4.0.1 scans for {@code @Command} methods only under the
 * {@code @SpringBootApplication} package, which never contains this library; but it adds
 * every {@code Command} bean of the context to its registry. {@link CommandFactoryBean}
 * is Shell's own adapter from an annotated method to such a bean.
 */
class UpgraderCommandRegistrar implements ImportBeanDefinitionRegistrar {

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		for (Class<?> commands : UpgraderCommands.CLASSES) {
			Set<Method> methods = MethodIntrospector.selectMethods(commands,
					(Method method) -> AnnotatedElementUtils.hasAnnotation(method, Command.class));
			for (Method method : methods) {
				registry.registerBeanDefinition("upgrader" + StringUtils.capitalize(method.getName()) + "Command",
						BeanDefinitionBuilder.genericBeanDefinition(CommandFactoryBean.class)
							.addConstructorArgValue(method)
							.getBeanDefinition());
			}
		}
	}

}
