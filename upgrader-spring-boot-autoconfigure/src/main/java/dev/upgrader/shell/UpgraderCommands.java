package dev.upgrader.shell;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.annotation.Command;

/**
 * What the {@code upgrader} commands have in common: their group and the classes that
 * declare them.
 */
final class UpgraderCommands {

	/** The help group of every command. */
	static final String GROUP = "Upgrader";

	/** The first word of every command, followed by a space. */
	static final String GROUP_PREFIX = "upgrader ";

	/** The beans whose {@code @Command} methods are registered with Spring Shell. */
	static final List<Class<?>> CLASSES = List.of(UpgraderShowCommands.class, UpgraderRunCommands.class,
			UpgraderCreateCommands.class, UpgraderAdminCommands.class, UpgraderAdoptionCommands.class,
			UpgraderTenantCommands.class);

	/**
	 * The commands that take positional arguments, with how many; the others take none.
	 * Spring Shell 4.0.1's {@code Command} does not tell.
	 */
	static final Map<String, Integer> ARGUMENTS = Map.of("upgrader mark-applied", 1, "upgrader accept-change", 1,
			"upgrader baseline", 1);

	private UpgraderCommands() {
	}

	/**
	 * The {@code @Command} methods of one of the {@link #CLASSES}.
	 * @param commands the class
	 * @return its command methods
	 */
	static Set<Method> commandMethods(Class<?> commands) {
		return MethodIntrospector.selectMethods(commands,
				(Method method) -> AnnotatedElementUtils.hasAnnotation(method, Command.class));
	}

}
