package dev.upgrader.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.UpgradeFailure;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderInfo;
import dev.upgrader.actuate.UpgraderDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.EdgeDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.NodeDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.PendingDescriptor;
import dev.upgrader.actuate.UpgraderEndpoint;
import dev.upgrader.actuate.UpgraderHealthIndicator;
import dev.upgrader.engine.UpgradeEngine;
import dev.upgrader.metrics.UpgraderMetrics;
import dev.upgrader.shell.UpgraderShellAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.autoconfigure.ShellTestClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The endpoint, the health indicator, the meters and the shell work with a user's own
 * {@link Upgrader} bean, not only with the engine.
 */
class UserSuppliedUpgraderTests {

	private static final String ONE = "shop_2026_01_01_one";

	private static final String TWO = "shop_2026_01_02_two";

	private static final String THREE = "billing_2026_01_03_three";

	private static final String GONE = "billing_2026_01_01_gone";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, UpgraderAutoConfiguration.class,
				UpgraderEndpointAutoConfiguration.class, UpgraderHealthAutoConfiguration.class,
				UpgraderShellAutoConfiguration.class, ShellTestClientAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "upgrader.auto-run=false",
				"management.endpoints.web.exposure.include=upgrader")
		.withBean("myUpgrader", Upgrader.class, FakeUpgrader::new);

	@Test
	void replacesTheEngine() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(Upgrader.class)
			.getBean(Upgrader.class)
			.isInstanceOf(FakeUpgrader.class)
			.isNotInstanceOf(UpgradeEngine.class));
	}

	@Test
	void endpointReportsTheUsersUpgrader() {
		this.contextRunner.run((context) -> {
			UpgraderEndpoint.ContextUpgraderBeansDescriptor beans = context.getBean(UpgraderEndpoint.class)
				.upgraderBeans()
				.contexts()
				.get(context.getId());
			assertThat(beans.upgraderBeans()).containsOnlyKeys("myUpgrader");
			UpgraderDescriptor report = beans.upgraderBeans().get("myUpgrader");
			assertThat(report.applied()).extracting(UpgraderDescriptor.AppliedDescriptor::id).containsExactly(ONE);
			assertThat(report.pending().upgrades()).extracting(PendingDescriptor::id, PendingDescriptor::estimateMillis)
				.containsExactly(tuple(TWO, 2000L), tuple(THREE, 3000L));
			assertThat(report.pending().totalEstimateMillis()).isEqualTo(5000);
			assertThat(report.ghosts()).isEmpty();
			assertThat(report.failures()).extracting(UpgradeFailure::id).containsExactly(TWO);
			assertThat(report.lock().holder()).isEqualTo("the fake's host");
			assertThat(report.graph().nodes()).extracting(NodeDescriptor::id, NodeDescriptor::state)
				.containsExactly(tuple(ONE, NodeDescriptor.State.APPLIED), tuple(TWO, NodeDescriptor.State.PENDING),
						tuple(THREE, NodeDescriptor.State.PENDING));
			assertThat(report.graph().edges()).containsExactly(new EdgeDescriptor(TWO, ONE),
					new EdgeDescriptor(THREE, GONE));
		});
	}

	@Test
	void endpointWalksTheParentContexts() {
		try (AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext()) {
			parent.setId("parent");
			parent.registerBean("parentUpgrader", Upgrader.class, FakeUpgrader::new);
			parent.refresh();
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(UpgraderEndpointAutoConfiguration.class))
				.withPropertyValues("management.endpoints.web.exposure.include=upgrader")
				.withBean("myUpgrader", Upgrader.class, FakeUpgrader::new)
				.withParent(parent)
				.run((context) -> {
					UpgraderEndpoint.UpgraderBeansDescriptor beans = context.getBean(UpgraderEndpoint.class)
						.upgraderBeans();
					assertThat(beans.contexts()).containsOnlyKeys(context.getId(), "parent");
					assertThat(beans.contexts().get(context.getId()).parentId()).isEqualTo("parent");
					assertThat(beans.contexts().get(context.getId()).upgraderBeans()).containsOnlyKeys("myUpgrader");
					assertThat(beans.contexts().get("parent").parentId()).isNull();
					assertThat(beans.contexts().get("parent").upgraderBeans()).containsOnlyKeys("parentUpgrader");
				});
		}
	}

	@Test
	void endpointRunsTheUsersUpgrader() {
		this.contextRunner.run((context) -> {
			UpgraderEndpoint.RunDescriptor run = context.getBean(UpgraderEndpoint.class).run();
			assertThat(run.applied()).containsExactly(TWO, THREE);
			assertThat(context.getBean(FakeUpgrader.class).runs).isEqualTo(1);
		});
	}

	@Test
	void healthIsUpWithTheUsersPendingUpgradesInTheDetailsWhenAutoRunIsOff() {
		this.contextRunner.run((context) -> {
			Health health = context.getBean(UpgraderHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("pending", 2)
				.containsEntry("pendingUpgrades", List.of(TWO, THREE))
				.containsEntry("totalEstimateMillis", 5000L);
		});
	}

	@Test
	void healthIsOutOfServiceWithTheUsersPendingUpgradesWhenThePropertyAsks() {
		this.contextRunner.withPropertyValues("upgrader.health.pending-status=OUT_OF_SERVICE")
			.run((context) -> assertThat(context.getBean(UpgraderHealthIndicator.class).health(true).getStatus())
				.isEqualTo(Status.OUT_OF_SERVICE));
	}

	@Test
	void healthIsDownWhenTheUsersGraphIsInvalid() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UpgraderHealthAutoConfiguration.class))
			.withBean("myUpgrader", Upgrader.class, InvalidGraphUpgrader::new)
			.run((context) -> {
				Health health = context.getBean(UpgraderHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("problems", List.of("Dependency cycle: " + TWO));
			});
	}

	@Test
	void healthHasOneIndicatorPerUpgraderBean() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UpgraderHealthAutoConfiguration.class))
			.withBean("myUpgrader", Upgrader.class, FakeUpgrader::new)
			.withBean("brokenUpgrader", Upgrader.class, InvalidGraphUpgrader::new)
			.run((context) -> {
				CompositeHealthContributor composite = context.getBean("upgraderHealthIndicator",
						CompositeHealthContributor.class);
				assertThat(((HealthIndicator) composite.getContributor("myUpgrader")).health().getStatus())
					.isEqualTo(Status.UP);
				assertThat(((HealthIndicator) composite.getContributor("brokenUpgrader")).health().getStatus())
					.isEqualTo(Status.DOWN);
			});
	}

	@Test
	void metersCountTheUsersPendingUpgradesWithoutReadingTheLogAtEachScrape() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UpgraderMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withBean("myUpgrader", Upgrader.class, FakeUpgrader::new)
			.run((context) -> {
				FakeUpgrader upgrader = context.getBean(FakeUpgrader.class);
				assertThat(upgrader.pendingReads).as("read once at start").isEqualTo(1);
				Gauge pending = context.getBean(MeterRegistry.class).get(UpgraderMetrics.PENDING).gauge();
				for (int scrape = 0; scrape < 5; scrape++) {
					assertThat(pending.value()).isEqualTo(2);
				}
				assertThat(upgrader.pendingReads).as("scrapes read nothing").isEqualTo(1);
				context.getBean(UpgraderMetrics.class)
					.runFinished(new RunResult(List.of(TWO, THREE), List.of(), Duration.ofSeconds(1)), null);
				assertThat(upgrader.pendingReads).as("read again after a run").isEqualTo(2);
			});
	}

	@Test
	void showGraphDrawsTheUsersGraph() {
		this.contextRunner.run((context) -> {
			String output = String.join("\n",
					context.getBean(ShellTestClient.class).sendCommand("upgrader show graph").lines());
			assertThat(output).contains("flowchart LR", ONE + "[\"" + ONE + "\"]:::applied",
					TWO + "[\"" + TWO + "\"]:::pending", GONE + "[\"" + GONE + "\"]:::missing", ONE + " --> " + TWO,
					GONE + " --> " + THREE);
		});
	}

	/** Serves fixed data, as an Upgrader that is not the engine would. */
	static class FakeUpgrader implements Upgrader {

		int pendingReads;

		int runs;

		private final List<PendingUpgrade> pending = List.of(
				new PendingUpgrade(TWO, "shop", "Two", Duration.ofSeconds(2), List.of(ONE)),
				new PendingUpgrade(THREE, "billing", "Three", Duration.ofSeconds(3), List.of(GONE)));

		private final List<AppliedUpgrade> applied = List
			.of(new AppliedUpgrade(ONE, Instant.parse("2026-01-01T00:00:00Z"), AppliedUpgrade.Kind.RUN,
					Duration.ofMillis(5), "the fake's host", "One"));

		private final List<UpgradeFailure> failures = List
			.of(new UpgradeFailure(TWO, Instant.parse("2026-01-02T00:00:00Z"), 1, "boom", "the fake's host"));

		@Override
		public UpgraderInfo info() {
			return new UpgraderInfo(
					List.of(new UpgraderInfo.Node(ONE, "shop", false, "One", List.of(), UpgraderInfo.Status.APPLIED),
							new UpgraderInfo.Node(TWO, "shop", false, "Two", List.of(ONE), UpgraderInfo.Status.PENDING),
							new UpgraderInfo.Node(THREE, "billing", false, "Three", List.of(GONE),
									UpgraderInfo.Status.PENDING)),
					this.applied, this.pending, List.of(), this.failures, "the fake's host", List.of());
		}

		@Override
		public List<AppliedUpgrade> applied() {
			return this.applied;
		}

		@Override
		public List<PendingUpgrade> pending() {
			this.pendingReads++;
			return this.pending;
		}

		@Override
		public List<UpgradeFailure> failures() {
			return this.failures;
		}

		@Override
		public Optional<String> lockHolder() {
			return Optional.of("the fake's host");
		}

		@Override
		public CheckReport check() {
			return new CheckReport(this.pending, List.of(), List.of());
		}

		@Override
		public RunResult run(RunOptions options) {
			this.runs++;
			return new RunResult(this.pending.stream().map(PendingUpgrade::id).toList(), List.of(), Duration.ZERO);
		}

		@Override
		public int populate() {
			throw new UnsupportedOperationException("The fake populates nothing");
		}

		@Override
		public void markApplied(String id) {
			throw new UnsupportedOperationException("The fake marks nothing");
		}

	}

	/** A user's Upgrader whose graph has a cycle. */
	static final class InvalidGraphUpgrader extends FakeUpgrader {

		@Override
		public List<PendingUpgrade> pending() {
			throw new UpgradeGraphException(List.of("Dependency cycle: " + TWO));
		}

	}

}
