package dev.upgrader.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.upgrader.autoconfigure.UpgraderApplicationRunner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app started through its {@code main} with a command, as
 * {@code java -jar sample-app.jar upgrader show applied} does: Upgrader's start-up run
 * applies the upgrades first, then Spring Shell's runner executes the command. Both
 * runners must exist, although Spring Shell's backs off when another
 * {@code ApplicationRunner} is registered before it.
 */
@SpringBootTest(useMainMethod = SpringBootTest.UseMainMethod.ALWAYS, args = { "upgrader", "show", "applied" },
		properties = "spring.datasource.url=jdbc:h2:mem:sample-shell-tests")
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationShellTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void bothTheAutoRunAndTheShellRunnerAreRegistered() {
		assertThat(this.context.getBeansOfType(ApplicationRunner.class)).containsKey("springShellApplicationRunner")
			.extractingFromEntries((entry) -> entry.getValue().getClass())
			.contains(UpgraderApplicationRunner.class);
	}

	@Test
	void theCommandRanAfterTheUpgradesWereApplied(CapturedOutput output) {
		assertThat(output.getOut()).containsPattern("shop_2026_01_10_create_products\\s+\\d{4}-\\d\\d-\\d\\d")
			.contains("shop_release_1_0_0", "8 upgrade(s) applied.");
	}

}
