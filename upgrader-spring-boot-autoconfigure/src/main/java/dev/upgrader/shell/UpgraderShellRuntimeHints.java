package dev.upgrader.shell;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The reflection a native image needs for the {@code upgrader} commands: Spring Shell
 * reads each {@code @Command} method's annotations and parameters and invokes it
 * reflectively, and {@link UpgraderCommandFactoryBean} finds the method by name.
 */
class UpgraderShellRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		for (Class<?> commands : UpgraderCommands.CLASSES) {
			hints.reflection().registerType(commands, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
	}

}
