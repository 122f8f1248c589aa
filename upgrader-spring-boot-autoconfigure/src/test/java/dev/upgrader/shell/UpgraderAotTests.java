package dev.upgrader.shell;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.Upgrader;
import dev.upgrader.autoconfigure.UpgraderAutoConfiguration;
import dev.upgrader.autoconfigure.scanned.scan_2026_01_01_create_items;
import dev.upgrader.autoconfigure.scanned.scan_2026_01_02_fill_items;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import org.springframework.shell.test.autoconfigure.ShellTestClientAutoConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that Upgrader works in an application processed by Spring AOT: the generated code
 * registers the upgrades and the {@code upgrader} commands, and nothing scans at run
 * time.
 */
class UpgraderAotTests {

	private static final String REGISTRAR = "upgraderUpgradeBeanRegistrar";

	private final String[] properties = { "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
			"upgrader.packages=dev.upgrader.autoconfigure.scanned" };

	@Test
	@CompileWithForkedClassLoader
	void generatedCodeRegistersTheUpgradesWithoutScanningAgain() {
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName initializerName = processAheadOfTime(generationContext);
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			try (GenericApplicationContext context = aotContext(
					compiled.getInstance(ApplicationContextInitializer.class, initializerName.toString()))) {
				assertThat(context.containsBeanDefinition(REGISTRAR)).isFalse();
				Upgrader upgrader = context.getBean(Upgrader.class);
				assertThat(upgrader.pending()).extracting(PendingUpgrade::id)
					.containsExactly("scan_2026_01_01_create_items", "scan_2026_01_02_fill_items");
				upgrader.run(RunOptions.unattended());
				assertThat(ShellFixture.execute(context, "upgrader show applied").output())
					.contains("scan_2026_01_01_create_items", "scan_2026_01_02_fill_items", "2 upgrade(s) applied.");
			}
		});
	}

	@Test
	@CompileWithForkedClassLoader
	void generatedCodeRegistersEveryCommand() {
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName initializerName = processAheadOfTime(generationContext);
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			try (GenericApplicationContext context = aotContext(
					compiled.getInstance(ApplicationContextInitializer.class, initializerName.toString()))) {
				assertThat(ShellFixture.execute(context, "upgrader show pending").output())
					.contains("2 upgrade(s) pending");
				assertThat(ShellFixture.execute(context, "upgrader check").failure()).isNull();
			}
		});
	}

	@Test
	void hintsKeepTheUpgradeClassesAndTheCommandMethods() {
		TestGenerationContext generationContext = new TestGenerationContext();
		processAheadOfTime(generationContext);
		assertThat(RuntimeHintsPredicates.reflection().onType(scan_2026_01_01_create_items.class))
			.accepts(generationContext.getRuntimeHints());
		assertThat(RuntimeHintsPredicates.reflection().onType(scan_2026_01_02_fill_items.class))
			.accepts(generationContext.getRuntimeHints());
		for (Class<?> commands : UpgraderCommands.CLASSES) {
			UpgraderCommands.commandMethods(commands)
				.forEach((method) -> assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method))
					.accepts(generationContext.getRuntimeHints()));
		}
	}

	private ClassName processAheadOfTime(TestGenerationContext generationContext) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.setEnvironment(environment());
			context.register(AotApplication.class);
			ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(context,
					generationContext);
			assertThat(context.containsBeanDefinition(REGISTRAR)).isTrue();
			assertThat(List.of(context.getBeanDefinitionNames())).contains("upgraderShowAppliedCommand");
			generationContext.writeGeneratedContent();
			return initializerName;
		}
	}

	@SuppressWarnings("unchecked")
	private GenericApplicationContext aotContext(ApplicationContextInitializer<?> initializer) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.setEnvironment(environment());
		((ApplicationContextInitializer<GenericApplicationContext>) initializer).initialize(context);
		context.refresh();
		return context;
	}

	private StandardEnvironment environment() {
		StandardEnvironment environment = new StandardEnvironment();
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, this.properties);
		return environment;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			UpgraderAutoConfiguration.class, UpgraderShellAutoConfiguration.class,
			ShellTestClientAutoConfiguration.class })
	static class AotApplication {

	}

}
