package dev.upgrader.autoconfigure;

import java.util.Map;

import dev.upgrader.autoconfigure.UpgraderProperties.Mode;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code upgrader.mode=run-and-exit}, makes the application a non-web one, so that
 * the one-shot run starts no web server.
 */
class RunAndExitEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE = "upgraderRunAndExit";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Mode mode = Binder.get(environment).bind("upgrader.mode", Mode.class).orElse(Mode.START);
		if (mode == Mode.RUN_AND_EXIT) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("spring.main.web-application-type", "none")));
		}
	}

}
