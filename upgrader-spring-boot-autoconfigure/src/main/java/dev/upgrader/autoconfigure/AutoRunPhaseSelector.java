package dev.upgrader.autoconfigure;

import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.upgrader.autoconfigure.UpgraderProperties.AutoRunPhase;
import dev.upgrader.autoconfigure.UpgraderProperties.Mode;
import dev.upgrader.autoconfigure.UpgraderProperties.OnFailure;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

/**
 * Chooses the phase of the start-up run and keeps only the auto-configured beans of that
 * phase: {@code upgrader.auto-run-phase=auto} is the initializer phase when the context
 * has beans that depend on database initialization, as Spring Boot's
 * {@link DependsOnDatabaseInitializationDetector}s find them (JPA's EntityManagerFactory,
 * beans annotated with {@code @DependsOnDatabaseInitialization}, ...) other than the JDBC
 * templates, and the runner phase otherwise. With {@code upgrader.mode=run-and-exit} the
 * runner is left to {@link RunAndExitRunner}.
 * <p>
 * Refuses {@code upgrader.on-failure=refuse-traffic} where it cannot apply. Ordered
 * before Spring Boot's post-processor that makes beans wait for database initializers, so
 * that a removed initializer is never waited for.
 */
final class AutoRunPhaseSelector implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	static final String RUNNER = "upgraderApplicationRunner";

	static final String READINESS_GUARD = "upgraderReadinessGuard";

	static final String INITIALIZER = "upgraderInitializer";

	private static final Log logger = LogFactory.getLog(AutoRunPhaseSelector.class);

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return -1;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (AotDetector.useGeneratedArtifacts()) {
			// The beans were chosen when the application was processed ahead of time.
			return;
		}
		Binder binder = Binder.get(this.environment);
		AutoRunPhase configured = binder.bind("upgrader.auto-run-phase", AutoRunPhase.class).orElse(AutoRunPhase.AUTO);
		Mode mode = binder.bind("upgrader.mode", Mode.class).orElse(Mode.START);
		OnFailure onFailure = binder.bind("upgrader.on-failure", OnFailure.class).orElse(OnFailure.STOP);
		Set<String> waiting = (configured != AutoRunPhase.AUTO) ? Set.of()
				: beansDependingOnDatabaseInitialization(beanFactory);
		AutoRunPhase phase = (configured != AutoRunPhase.AUTO) ? configured
				: waiting.isEmpty() ? AutoRunPhase.RUNNER : AutoRunPhase.INITIALIZER;
		if (configured == AutoRunPhase.AUTO && logger.isDebugEnabled()) {
			logger.debug("Start-up run in the " + phase.name().toLowerCase() + " phase"
					+ (waiting.isEmpty() ? ": no bean depends on database initialization"
							: ": beans " + waiting + " depend on database initialization"));
		}
		if (onFailure == OnFailure.REFUSE_TRAFFIC) {
			refuseTrafficCannotApply(configured, phase, mode, waiting);
		}
		if (phase == AutoRunPhase.INITIALIZER || mode == Mode.RUN_AND_EXIT) {
			remove(beanFactory, RUNNER);
			if (beanFactory.getBeanNamesForType(UpgraderApplicationRunner.class, true, false).length == 0) {
				// A user's runner takes the guard by injection, whichever phase runs the
				// upgrades.
				remove(beanFactory, READINESS_GUARD);
			}
		}
		if (phase == AutoRunPhase.RUNNER) {
			remove(beanFactory, INITIALIZER);
		}
	}

	private static void refuseTrafficCannotApply(AutoRunPhase configured, AutoRunPhase phase, Mode mode,
			Set<String> waiting) {
		if (mode == Mode.RUN_AND_EXIT) {
			throw new InvalidConfigurationPropertyValueException("upgrader.on-failure", "refuse-traffic",
					"With upgrader.mode=run-and-exit a failed run exits with a non-zero status: there is no traffic"
							+ " to refuse. Remove upgrader.on-failure from the one-shot run's configuration.");
		}
		if (phase == AutoRunPhase.INITIALIZER) {
			String why = (configured == AutoRunPhase.AUTO) ? "upgrader.auto-run-phase=auto chose it because beans "
					+ waiting + " depend on database initialization" : "upgrader.auto-run-phase=initializer";
			throw new InvalidConfigurationPropertyValueException("upgrader.on-failure", "refuse-traffic",
					"It applies only to the runner phase, but the start-up run happens in the initializer phase (" + why
							+ "), where a failed run always stops the start. Remove upgrader.on-failure, or set"
							+ " upgrader.auto-run-phase=runner if those beans do not need the upgraded schema"
							+ " while they are created.");
		}
	}

	private Set<String> beansDependingOnDatabaseInitialization(ConfigurableListableBeanFactory beanFactory) {
		Set<String> names = new TreeSet<>();
		SpringFactoriesLoader.forDefaultResourceLocation(beanFactory.getBeanClassLoader())
			.load(DependsOnDatabaseInitializationDetector.class,
					ArgumentResolver.of(Environment.class, this.environment))
			.forEach((detector) -> names.addAll(detector.detect(beanFactory)));
		names.removeAll(JdbcTemplatesBeforeUpgrades.templateBeanNames(beanFactory));
		return names;
	}

	private static void remove(ConfigurableListableBeanFactory beanFactory, String name) {
		if (beanFactory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(name)) {
			registry.removeBeanDefinition(name);
		}
	}

}
