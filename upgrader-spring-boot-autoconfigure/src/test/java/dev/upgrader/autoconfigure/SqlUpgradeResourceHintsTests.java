package dev.upgrader.autoconfigure;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.upgrader.PendingUpgrade;
import dev.upgrader.Upgrader;
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
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL upgrades in an application processed by Spring AOT: the files of the class path
 * locations get resource hints for a native image, and the generated context reads them.
 */
class SqlUpgradeResourceHintsTests {

	private final String[] properties = { "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
			"upgrader.packages=dev.upgrader.sqlapp", "upgrader.auto-run=false",
			"upgrader.sql-locations=classpath:sqlapp/db/upgrades/,file:/opt/upgrades" };

	@Test
	void hintsKeepTheSqlFilesOfClassPathLocations() {
		TestGenerationContext generationContext = new TestGenerationContext();
		processAheadOfTime(generationContext);
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("sqlapp/db/upgrades/shop/shop_2026_01_02_seed_products.sql"))
			.accepts(generationContext.getRuntimeHints());
		assertThat(
				RuntimeHintsPredicates.resource().forResource("sqlapp/db/upgrades/shop_2026_01_04_mark_database.sql"))
			.accepts(generationContext.getRuntimeHints());
		assertThat(RuntimeHintsPredicates.resource().forResource("sqlapp/db/upgrades/readme.txt"))
			.rejects(generationContext.getRuntimeHints());
		assertThat(SqlUpgradeResourceHints.classPathFolders(environment())).containsExactly("sqlapp/db/upgrades");
	}

	@Test
	@CompileWithForkedClassLoader
	void generatedContextReadsTheSqlUpgrades() {
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName initializerName = processAheadOfTime(generationContext);
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			try (GenericApplicationContext context = aotContext(
					compiled.getInstance(ApplicationContextInitializer.class, initializerName.toString()))) {
				assertThat(context.getBean(Upgrader.class).pending()).extracting(PendingUpgrade::id)
					.containsExactly("shop_2026_01_01_create_products", "shop_2026_01_02_seed_products",
							"shop_2026_01_03_price_products", "shop_2026_01_04_mark_database");
			}
		});
	}

	private ClassName processAheadOfTime(TestGenerationContext generationContext) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.setEnvironment(environment());
			context.register(AotApplication.class);
			ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(context,
					generationContext);
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
			UpgraderAutoConfiguration.class })
	static class AotApplication {

	}

}
