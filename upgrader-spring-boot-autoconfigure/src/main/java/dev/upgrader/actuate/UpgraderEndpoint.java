package dev.upgrader.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.RunResult;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderInfo;
import dev.upgrader.actuate.UpgraderDescriptor.AppliedDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.EdgeDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.GraphDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.LockDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.NodeDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.PendingDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.PlanDescriptor;
import dev.upgrader.actuate.UpgraderDescriptor.RuleDescriptor;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.ApplicationContext;

/**
 * The {@code upgrader} actuator endpoint, in the shape of Spring Boot's {@code flyway}
 * endpoint: for the application context and each of its parents, every {@link Upgrader}
 * bean by name, with its applied upgrades, the pending ones in run order with their
 * estimates, ghost rows, failures, the lock and the graph, all from
 * {@link Upgrader#info()}.
 * <p>
 * Its write operation runs the pending upgrades, unattended. The endpoint's default
 * access is {@link Access#READ_ONLY read-only}: the write operation exists only once
 * {@code management.endpoint.upgrader.access=unrestricted} is set.
 *
 * @since 0.1.0
 */
@Endpoint(id = "upgrader", defaultAccess = Access.READ_ONLY)
public class UpgraderEndpoint {

	private static final Log logger = LogFactory.getLog(UpgraderEndpoint.class);

	private final ApplicationContext context;

	private final UpgraderRunState state;

	/**
	 * Creates the endpoint.
	 * @param context the application context whose {@link Upgrader} beans, and those of
	 * its parents, to report on
	 * @param state the run state kept from the engine's events
	 */
	public UpgraderEndpoint(ApplicationContext context, UpgraderRunState state) {
		this.context = context;
		this.state = state;
	}

	/**
	 * Reports on the {@link Upgrader} beans of the application context and its parents.
	 * @return the report, by context id, then by bean name
	 */
	@ReadOperation
	public UpgraderBeansDescriptor upgraderBeans() {
		Map<@Nullable String, ContextUpgraderBeansDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, UpgraderDescriptor> upgraders = new LinkedHashMap<>();
			target.getBeansOfType(Upgrader.class).forEach((name, upgrader) -> upgraders.put(name, describe(upgrader)));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(),
					new ContextUpgraderBeansDescriptor(upgraders, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		return new UpgraderBeansDescriptor(contexts);
	}

	/**
	 * Runs the pending upgrades of the application context's only {@link Upgrader},
	 * unattended, and waits for the run to end.
	 * @return what the run applied
	 * @throws InvalidEndpointRequestException when the context has several
	 * {@link Upgrader} beans and none is primary (run one by name instead)
	 */
	@WriteOperation
	public RunDescriptor run() {
		Upgrader upgrader = this.context.getBeanProvider(Upgrader.class).getIfUnique();
		if (upgrader == null) {
			List<String> names = List.of(this.context.getBeanNamesForType(Upgrader.class));
			throw new InvalidEndpointRequestException("No unique Upgrader bean: the Upgrader beans are " + names
					+ "; run one with POST /actuator/upgrader/{name}", "No unique Upgrader bean");
		}
		return run("the Upgrader", upgrader);
	}

	/**
	 * Runs the pending upgrades of one {@link Upgrader} bean of the application context,
	 * unattended, and waits for the run to end.
	 * @param name the bean name
	 * @return what the run applied
	 * @throws InvalidEndpointRequestException when the context has no {@link Upgrader}
	 * bean of that name
	 */
	@WriteOperation
	public RunDescriptor runUpgrader(@Selector String name) {
		Map<String, Upgrader> upgraders = this.context.getBeansOfType(Upgrader.class);
		Upgrader upgrader = upgraders.get(name);
		if (upgrader == null) {
			throw new InvalidEndpointRequestException(
					"No Upgrader bean named '" + name + "': the Upgrader beans are " + upgraders.keySet(),
					"No such Upgrader bean");
		}
		return run("Upgrader bean '" + name + "'", upgrader);
	}

	private RunDescriptor run(String description, Upgrader upgrader) {
		logger.info("Running the pending upgrades of " + description + ", as requested through the upgrader endpoint");
		RunResult result = upgrader.run(RunOptions.unattended());
		return new RunDescriptor(result.applied(), result.warnings(), result.took().toMillis());
	}

	private UpgraderDescriptor describe(Upgrader upgrader) {
		UpgraderInfo info = upgrader.info();
		return new UpgraderDescriptor(info.applied().stream().map(UpgraderEndpoint::applied).toList(), plan(info),
				info.ghosts(), info.failures(), this.state.current(), this.state.lastFailure(),
				this.state.lastSuccess(), new LockDescriptor(this.state.current() != null, info.lockHolder()),
				graph(info), info.changed(), rules(upgrader));
	}

	private static List<RuleDescriptor> rules(Upgrader upgrader) {
		return upgrader.ruleWarnings()
			.stream()
			.map((warning) -> new RuleDescriptor(warning.rule(), warning.message(), warning.rule().informational()))
			.toList();
	}

	private static AppliedDescriptor applied(AppliedUpgrade row) {
		return new AppliedDescriptor(row.id(), row.applied(), row.kind(), millis(row.duration()), row.appliedBy(),
				row.info(), row.checksum());
	}

	private static PlanDescriptor plan(UpgraderInfo info) {
		List<PendingDescriptor> upgrades = info.pending()
			.stream()
			.map((upgrade) -> new PendingDescriptor(upgrade.id(), upgrade.repository(), upgrade.title(),
					upgrade.estimate().toMillis(), upgrade.estimateSource(), upgrade.dependsOn()))
			.toList();
		return new PlanDescriptor(upgrades, PendingUpgrade.totalEstimate(info.pending()).toMillis(), info.problems());
	}

	private static GraphDescriptor graph(UpgraderInfo info) {
		List<NodeDescriptor> nodes = info.nodes()
			.stream()
			.map((node) -> new NodeDescriptor(node.id(), node.repository(), node.release(), state(node.status())))
			.toList();
		List<EdgeDescriptor> edges = info.edges()
			.stream()
			.map((edge) -> new EdgeDescriptor(edge.upgrade(), edge.dependsOn()))
			.toList();
		return new GraphDescriptor(nodes, edges);
	}

	private static NodeDescriptor.State state(UpgraderInfo.Status status) {
		return switch (status) {
			case APPLIED -> NodeDescriptor.State.APPLIED;
			case IMPLIED -> NodeDescriptor.State.IMPLIED;
			case PENDING -> NodeDescriptor.State.PENDING;
			case BLOCKED -> NodeDescriptor.State.BLOCKED;
		};
	}

	private static @Nullable Long millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

	/**
	 * The {@link Upgrader} beans of an application, by context.
	 *
	 * @param contexts the context and its parents, by context id
	 */
	public record UpgraderBeansDescriptor(
			Map<@Nullable String, ContextUpgraderBeansDescriptor> contexts) implements OperationResponseBody {

	}

	/**
	 * The {@link Upgrader} beans of one application context.
	 *
	 * @param upgraderBeans each bean's report, by bean name
	 * @param parentId the id of the parent context, or {@code null}
	 */
	public record ContextUpgraderBeansDescriptor(Map<String, UpgraderDescriptor> upgraderBeans,
			@Nullable String parentId) {

	}

	/**
	 * What a run requested through the endpoint did.
	 *
	 * @param applied the ids applied, in order
	 * @param warnings the warnings raised by upgrades and checks, ghosts included
	 * @param tookMillis the wall-clock time of the run, lock wait included
	 */
	public record RunDescriptor(List<String> applied, List<String> warnings,
			long tookMillis) implements OperationResponseBody {

	}

}
