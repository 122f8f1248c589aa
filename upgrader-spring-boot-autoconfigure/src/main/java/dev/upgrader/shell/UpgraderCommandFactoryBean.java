package dev.upgrader.shell;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.beans.factory.FactoryBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;

/**
 * Creates the Spring Shell {@link Command} of one {@code @Command} method of an
 * {@code upgrader} command class, finding the method by name when the context starts.
 * <p>
 * Its bean definition holds the class and the method's name, never the {@link Method}:
 * Spring AOT writes a bean definition as code, and has no code for a reflection object.
 * Shell's own {@link CommandFactoryBean} then adapts the method, as Shell does at run
 * time for the application's commands.
 */
final class UpgraderCommandFactoryBean implements FactoryBean<Command>, ApplicationContextAware {

	private final Class<?> commandsClass;

	private final String methodName;

	private ApplicationContext applicationContext;

	UpgraderCommandFactoryBean(Class<?> commandsClass, String methodName) {
		this.commandsClass = commandsClass;
		this.methodName = methodName;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public Command getObject() {
		CommandFactoryBean factory = new CommandFactoryBean(commandMethod());
		factory.setApplicationContext(this.applicationContext);
		return factory.getObject();
	}

	@Override
	public Class<?> getObjectType() {
		return Command.class;
	}

	private Method commandMethod() {
		List<Method> methods = UpgraderCommands.commandMethods(this.commandsClass)
			.stream()
			.filter((method) -> method.getName().equals(this.methodName))
			.toList();
		if (methods.size() != 1) {
			throw new IllegalStateException("Expected one @Command method named '" + this.methodName + "' in "
					+ this.commandsClass.getName() + " but found " + methods.size());
		}
		return methods.get(0);
	}

}
