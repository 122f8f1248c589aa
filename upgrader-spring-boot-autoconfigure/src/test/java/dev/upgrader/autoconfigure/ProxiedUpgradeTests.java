package dev.upgrader.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;
import dev.upgrader.Upgrader;
import dev.upgrader.testsupport.TestDatabase;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link AbstractUpgrade} bean behind a class-based proxy (as {@code @Transactional}
 * or an aspect would give it) keeps its id, description, dependencies and estimate: the
 * proxy is not constructed through {@code super(...)}, so these must be delegated to the
 * upgrade.
 */
class ProxiedUpgradeTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				UpgraderAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestDatabase.H2.connection().url(),
				"upgrader.packages=dev.upgrader.autoconfigure.none", "upgrader.auto-run=false");

	@Test
	void upgradeBehindAClassBasedProxyIsPlannedAndAppliedUnderItsOwnId() {
		this.runner.withBean("proxied", Upgrade.class, ProxiedUpgradeTests::proxied).run((context) -> {
			Upgrade proxied = context.getBean(Upgrade.class);
			assertThat(proxied.getClass().getName()).contains("$$");
			assertThat(proxied).hasToString("prox_2026_01_01_create_things");
			Upgrader upgrader = context.getBean(Upgrader.class);
			assertThat(upgrader.pending()).singleElement().satisfies((pending) -> {
				assertThat(pending.id()).isEqualTo("prox_2026_01_01_create_things");
				assertThat(pending.estimate()).isEqualTo(Duration.ofSeconds(7));
			});
			upgrader.run(RunOptions.unattended());
			assertThat(upgrader.applied()).singleElement().satisfies((applied) -> {
				assertThat(applied.id()).isEqualTo("prox_2026_01_01_create_things");
				assertThat(applied.info()).isEqualTo("Create the things table");
			});
			assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM things", Integer.class))
				.isZero();
		});
	}

	private static Upgrade proxied() {
		ProxyFactory factory = new ProxyFactory(new prox_2026_01_01_create_things());
		factory.setProxyTargetClass(true);
		return (Upgrade) factory.getProxy();
	}

	public static class prox_2026_01_01_create_things extends AbstractUpgrade {

		prox_2026_01_01_create_things() {
			super("Create the things table", Duration.ofSeconds(7));
		}

		@Override
		public void doUpgrade(UpgradeContext context) {
			context.jdbc().execute("CREATE TABLE things (id INT PRIMARY KEY)");
		}

	}

}
