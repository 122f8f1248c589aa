package dev.upgrader.shell;

import java.io.PrintWriter;
import java.time.Clock;

import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderTenants;
import dev.upgrader.autoconfigure.UpgraderAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.shell.core.NonInteractiveShellRunner;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Auto-configuration of the {@code upgrader} admin commands, active only when the
 * application has Spring Shell: the starter never brings a shell of its own.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = UpgraderAutoConfiguration.class)
@ConditionalOnClass(CommandRegistry.class)
@ConditionalOnBean(Upgrader.class)
@Import(UpgraderCommandRegistrar.class)
@ImportRuntimeHints(UpgraderShellRuntimeHints.class)
public final class UpgraderShellAutoConfiguration {

	@Bean
	UpgraderShowCommands upgraderShowCommands(Upgrader upgrader, ObjectProvider<UpgraderTenants> tenants) {
		return new UpgraderShowCommands(new TenantUpgraders(upgrader, tenants::getIfAvailable));
	}

	@Bean
	UpgraderRunCommands upgraderRunCommands(Upgrader upgrader, ObjectProvider<UpgraderTenants> tenants) {
		return new UpgraderRunCommands(new TenantUpgraders(upgrader, tenants::getIfAvailable));
	}

	@Bean
	UpgraderAdminCommands upgraderAdminCommands(Upgrader upgrader, ObjectProvider<UpgraderTenants> tenants) {
		return new UpgraderAdminCommands(new TenantUpgraders(upgrader, tenants::getIfAvailable));
	}

	@Bean
	UpgraderTenantCommands upgraderTenantCommands(Upgrader upgrader, ObjectProvider<UpgraderTenants> tenants) {
		return new UpgraderTenantCommands(new TenantUpgraders(upgrader, tenants::getIfAvailable));
	}

	@Bean
	UpgraderAdoptionCommands upgraderAdoptionCommands(Upgrader upgrader, ObjectProvider<UpgraderTenants> tenants,
			Environment environment) {
		return new UpgraderAdoptionCommands(new TenantUpgraders(upgrader, tenants::getIfAvailable),
				FlywayTable.of(environment));
	}

	@Bean
	UpgraderCreateCommands upgraderCreateCommands(Upgrader upgrader, ObjectProvider<Clock> clock) {
		return new UpgraderCreateCommands(upgrader, clock.getIfAvailable(Clock::systemDefaultZone));
	}

	@Bean
	static BeanPostProcessor upgraderFlagCompletingCommandParser(ObjectProvider<CommandRegistry> registry) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof CommandParser parser && !(bean instanceof FlagCompletingCommandParser))
						? new FlagCompletingCommandParser(parser, registry) : bean;
			}

		};
	}

	@Bean
	static BeanPostProcessor upgraderNonInteractiveCommandRunner(ObjectProvider<CommandParser> parser,
			ObjectProvider<CommandRegistry> registry) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean.getClass() == NonInteractiveShellRunner.class)
						? new NonInteractiveCommandRunner((ShellRunner) bean, parser.getObject(), registry.getObject(),
								new PrintWriter(System.out))
						: bean;
			}

		};
	}

}
