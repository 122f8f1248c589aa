package dev.upgrader.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.ChangedUpgrade;
import dev.upgrader.CheckReport;
import dev.upgrader.PendingUpgrade.EstimateSource;
import dev.upgrader.RunOptions;
import dev.upgrader.UpgradeFailedException;
import dev.upgrader.Upgrader;
import dev.upgrader.actuate.UpgraderDescriptor.EdgeDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.NodeDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.PendingDescriptor;
import dev.upgrader.autoconfigure.UpgraderAutoConfiguration;
import dev.upgrader.autoconfigure.UpgraderEndpointAutoConfiguration;
import dev.upgrader.engine.DatabaseDialect;
import dev.upgrader.engine.UpgradeLock;
import dev.upgrader.engine.UpgradeLog;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link UpgraderEndpoint} and its auto-configuration.
 */
class UpgraderEndpointTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, UpgraderAutoConfiguration.class,
				UpgraderEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "upgrader.auto-run=false",
				"management.endpoints.web.exposure.include=upgrader")
		.withBean("one", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_01_one"))
		.withBean("two", TestUpgrade.class,
				() -> TestUpgrade.of("shop_2026_01_02_two", "shop_2026_01_01_one").estimating(Duration.ofSeconds(5)))
		.withBean("three", TestUpgrade.class, () -> TestUpgrade.of("billing_2026_01_03_three", "shop_2026_01_01_one"));

	@Test
	void reportsPendingUpgradesInRunOrderWithDeclaredEstimatesAndTheGraph() {
		this.contextRunner.run((context) -> {
			UpgraderDescriptor report = report(context);
			assertThat(report.applied()).isEmpty();
			assertThat(report.pending().upgrades()).extracting(PendingDescriptor::id)
				.containsExactly("shop_2026_01_01_one", "billing_2026_01_03_three", "shop_2026_01_02_two");
			assertThat(report.pending().upgrades()).extracting(PendingDescriptor::estimateSource)
				.containsOnly(EstimateSource.DECLARED);
			assertThat(report.pending().totalEstimateMillis()).isEqualTo(7000);
			assertThat(report.pending().problems()).isEmpty();
			assertThat(report.graph().nodes()).extracting(NodeDescriptor::state)
				.containsOnly(NodeDescriptor.State.PENDING);
			assertThat(report.graph().edges()).containsExactlyInAnyOrder(
					new EdgeDescriptor("shop_2026_01_02_two", "shop_2026_01_01_one"),
					new EdgeDescriptor("billing_2026_01_03_three", "shop_2026_01_01_one"));
			assertThat(report.running()).isNull();
			assertThat(report.lastFailure()).isNull();
			assertThat(report.lock().heldByThisInstance()).isFalse();
			assertThat(report.lock().holder()).as("the lock is free").isNull();
			try (UpgradeLock.Held held = context.getBean(UpgradeLock.class).acquire()) {
				assertThat(report(context).lock().holder()).isEqualTo("another session of this H2 database");
			}
		});
	}

	@Test
	void reportsAnAppliedUpgradeWhoseChecksumChangedWithTheRecordedAndTheCurrentChecksum() {
		TestUpgrade seed = TestUpgrade.of("shop_2026_01_04_seed", "shop_2026_01_02_two").withChecksum("seed-1");
		this.contextRunner.withBean("seed", TestUpgrade.class, () -> seed).run((context) -> {
			context.getBean(Upgrader.class).run(RunOptions.unattended());
			assertThat(report(context).changed()).isEmpty();
			assertThat(report(context).applied()).filteredOn((row) -> row.id().equals("shop_2026_01_04_seed"))
				.extracting(UpgraderDescriptor.AppliedDescriptor::checksum)
				.containsExactly("seed-1");

			seed.withChecksum("seed-2");

			assertThat(report(context).changed())
				.containsExactly(new ChangedUpgrade("shop_2026_01_04_seed", "seed-1", "seed-2"));
		});
	}

	@Test
	void reportsBrokenRulesForWritingUpgrades() {
		this.contextRunner.withBean("four", TestUpgrade.class, () -> TestUpgrade.of("shop_2026_01_04_second_root"))
			.run((context) -> assertThat(report(context).rules()).singleElement().satisfies((rule) -> {
				assertThat(rule.rule()).isEqualTo(CheckReport.Rule.ONE_ROOT_PER_REPOSITORY);
				assertThat(rule.message()).startsWith("Repository shop has 2 roots");
				assertThat(rule.informational()).isFalse();
			}));
	}

	@Test
	void reportsAppliedUpgradesGhostsAndLastSuccessAfterARun() {
		this.contextRunner.run((context) -> {
			UpgradeLog log = context.getBean(UpgradeLog.class);
			log.createIfMissing();
			log.record(List.of(new AppliedUpgrade("gone_2020_01_01_old", Instant.parse("2020-01-01T00:00:00Z"),
					AppliedUpgrade.Kind.RUN, Duration.ofMillis(3), "elsewhere", "An upgrade removed from the code")));
			context.getBean(Upgrader.class).run(RunOptions.unattended());
			UpgraderDescriptor report = report(context);
			// Oldest first; rows written within the same millisecond are ordered by id.
			assertThat(report.applied()).first()
				.extracting(UpgraderDescriptor.AppliedDescriptor::id)
				.isEqualTo("gone_2020_01_01_old");
			assertThat(report.applied()).extracting(UpgraderDescriptor.AppliedDescriptor::id)
				.containsExactlyInAnyOrder("gone_2020_01_01_old", "shop_2026_01_01_one", "billing_2026_01_03_three",
						"shop_2026_01_02_two");
			assertThat(report.applied().get(1).kind()).isEqualTo(AppliedUpgrade.Kind.RUN);
			assertThat(report.applied().get(1).durationMillis()).isNotNull();
			assertThat(report.ghosts()).containsExactly("gone_2020_01_01_old");
			assertThat(report.pending().upgrades()).isEmpty();
			assertThat(report.pending().totalEstimateMillis()).isZero();
			assertThat(report.graph().nodes()).extracting(NodeDescriptor::state)
				.containsOnly(NodeDescriptor.State.APPLIED);
			assertThat(report.lastSuccess()).isNotNull();
			assertThat(report.lastFailure()).isNull();
		});
	}

	@Test
	void keepsTheLastFailureUntilASuccessfulRun() {
		this.contextRunner
			.withBean("four", TestUpgrade.class,
					() -> TestUpgrade.failing("shop_2026_01_04_four", "shop_2026_01_02_two"))
			.run((context) -> {
				assertThatExceptionOfType(UpgradeFailedException.class)
					.isThrownBy(() -> context.getBean(Upgrader.class).run(RunOptions.unattended()));
				UpgraderDescriptor report = report(context);
				assertThat(report.lastFailure()).isNotNull();
				assertThat(report.lastFailure().upgrade()).isEqualTo("shop_2026_01_04_four");
				assertThat(report.lastFailure().message()).contains("boom in shop_2026_01_04_four");
				assertThat(report.lastFailure().appliedBeforeFailure()).containsExactly("shop_2026_01_01_one",
						"billing_2026_01_03_three", "shop_2026_01_02_two");
				assertThat(report.pending().upgrades()).extracting(PendingDescriptor::id)
					.containsExactly("shop_2026_01_04_four");
				assertThat(report.failures()).singleElement().satisfies((failure) -> {
					assertThat(failure.id()).isEqualTo("shop_2026_01_04_four");
					assertThat(failure.attempts()).isEqualTo(1);
					assertThat(failure.message()).isEqualTo("boom in shop_2026_01_04_four");
				});
			});
	}

	@Test
	void impliedAndBlockedNodesAreReportedWithTheProblems() {
		this.contextRunner
			.withBean("orphan", TestUpgrade.class,
					() -> TestUpgrade.of("shop_2026_01_05_orphan", "shop_2025_12_31_unknown"))
			.run((context) -> {
				UpgradeLog log = context.getBean(UpgradeLog.class);
				log.createIfMissing();
				log.record(List.of(new AppliedUpgrade("shop_2026_01_02_two", Instant.now(),
						AppliedUpgrade.Kind.POPULATE, null, "here", "two")));
				UpgraderDescriptor report = report(context);
				assertThat(report.pending().upgrades()).isEmpty();
				assertThat(report.pending().problems()).singleElement()
					.asString()
					.contains("shop_2026_01_05_orphan", "shop_2025_12_31_unknown");
				assertThat(report.graph().nodes()).extracting(NodeDescriptor::id, NodeDescriptor::state)
					.contains(tuple("shop_2026_01_01_one", NodeDescriptor.State.IMPLIED),
							tuple("shop_2026_01_02_two", NodeDescriptor.State.APPLIED),
							tuple("billing_2026_01_03_three", NodeDescriptor.State.BLOCKED));
			});
	}

	@Test
	void estimatesComeFromDurationsRecordedInTheEstimatesTable() {
		this.contextRunner.withPropertyValues("upgrader.estimates-table=staging_log").run((context) -> {
			recordStagingDuration(context, "shop_2026_01_02_two", Duration.ofMinutes(3));
			UpgraderDescriptor report = report(context);
			assertThat(report.pending().upgrades())
				.extracting(PendingDescriptor::id, PendingDescriptor::estimateMillis, PendingDescriptor::estimateSource)
				.containsExactly(tuple("shop_2026_01_01_one", 1000L, EstimateSource.DECLARED),
						tuple("billing_2026_01_03_three", 1000L, EstimateSource.DECLARED),
						tuple("shop_2026_01_02_two", 180_000L, EstimateSource.RECORDED));
			assertThat(report.pending().totalEstimateMillis()).isEqualTo(182_000);
			assertThat(context.getBean(Upgrader.class).pending()).last()
				.satisfies((upgrade) -> assertThat(upgrade.estimate()).isEqualTo(Duration.ofMinutes(3)));
		});
	}

	@Test
	void reportsInBootsShapeByContextAndBeanName() {
		this.contextRunner.run((context) -> {
			UpgraderEndpoint.UpgraderBeansDescriptor beans = context.getBean(UpgraderEndpoint.class).upgraderBeans();
			assertThat(beans).isInstanceOf(OperationResponseBody.class);
			assertThat(beans.contexts()).containsOnlyKeys(context.getId());
			UpgraderEndpoint.ContextUpgraderBeansDescriptor beansOfContext = beans.contexts().get(context.getId());
			assertThat(beansOfContext.parentId()).isNull();
			assertThat(beansOfContext.upgraderBeans()).containsOnlyKeys("upgrader");
		});
	}

	@Test
	void writeOperationRunsThePendingUpgrades() {
		this.contextRunner.run((context) -> {
			UpgraderEndpoint.RunDescriptor run = context.getBean(UpgraderEndpoint.class).run();
			assertThat(run).isInstanceOf(OperationResponseBody.class);
			assertThat(run.applied()).containsExactly("shop_2026_01_01_one", "billing_2026_01_03_three",
					"shop_2026_01_02_two");
			assertThat(context.getBean(Upgrader.class).pending()).isEmpty();
			assertThat(report(context).lastSuccess()).isNotNull();
		});
	}

	@Test
	void writeOperationByBeanNameRunsThatUpgrader() {
		this.contextRunner.run((context) -> {
			UpgraderEndpoint endpoint = context.getBean(UpgraderEndpoint.class);
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.runUpgrader("other"))
				.withMessage("No Upgrader bean named 'other': the Upgrader beans are [upgrader]");
			assertThat(context.getBean(Upgrader.class).pending()).hasSize(3);
			assertThat(endpoint.runUpgrader("upgrader").applied()).hasSize(3);
		});
	}

	@Test
	void isReadOnlyUnlessAccessIsRaised() {
		assertThat(UpgraderEndpoint.class.getAnnotation(Endpoint.class).defaultAccess()).isEqualTo(Access.READ_ONLY);
	}

	@Test
	void backsOffWhenTheEndpointIsNotExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(UpgraderEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasSingleBean(Upgrader.class).doesNotHaveBean("upgraderEndpoint"));
	}

	private static UpgraderDescriptor report(ApplicationContext context) {
		return context.getBean(UpgraderEndpoint.class)
			.upgraderBeans()
			.contexts()
			.get(context.getId())
			.upgraderBeans()
			.get("upgrader");
	}

	private static void recordStagingDuration(ApplicationContext context, String id, Duration took) {
		UpgradeLog staging = UpgradeLog.jdbc(context.getBean(DataSource.class), "staging_log",
				context.getBean(DatabaseDialect.class));
		staging.createIfMissing();
		staging.record(List.of(new AppliedUpgrade(id, Instant.now(), AppliedUpgrade.Kind.RUN, took, "staging", id),
				new AppliedUpgrade("shop_2026_01_01_one", Instant.now(), AppliedUpgrade.Kind.POPULATE, null, "staging",
						"populated rows carry no duration")));
	}

}
