package dev.upgrader.shell;

import org.junit.jupiter.api.Test;

import dev.upgrader.Upgrader;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.test.autoconfigure.ShellTestClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgraderShellAutoConfiguration}.
 */
class UpgraderShellAutoConfigurationTests {

	@Test
	void registersEveryCommandInTheUpgraderGroup() {
		ShellFixture.runner()
			.run((context) -> assertThat(context.getBean(CommandRegistry.class).getCommands())
				.filteredOn((command) -> UpgraderCommands.GROUP.equals(command.getGroup()))
				.extracting(Command::getName)
				.containsExactlyInAnyOrder("upgrader show applied", "upgrader show pending", "upgrader show graph",
						"upgrader check", "upgrader run", "upgrader populate", "upgrader create recipe",
						"upgrader create release", "upgrader mark-applied", "upgrader lock status",
						"upgrader accept-change", "upgrader baseline", "upgrader import flyway",
						"upgrader show tenants"));
	}

	@Test
	void backsOffWithoutSpringShell() {
		ShellFixture.runner().withClassLoader(new FilteredClassLoader(CommandRegistry.class)).run((context) -> {
			assertThat(context).hasSingleBean(Upgrader.class);
			assertThat(context).doesNotHaveBean(UpgraderRunCommands.class);
		});
	}

	@Test
	void backsOffWithoutAnUpgrader() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(UpgraderShellAutoConfiguration.class, ShellTestClientAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(UpgraderRunCommands.class);
				assertThat(context.getBean(CommandRegistry.class).getCommands()).isEmpty();
			});
	}

}
