package dev.upgrader.autoconfigure;

import dev.upgrader.Upgrader;
import dev.upgrader.actuate.UpgraderHealthIndicator;
import dev.upgrader.actuate.UpgraderRunState;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code upgrader} health indicator, when Spring Boot's health
 * support is there and {@code management.health.upgrader.enabled} is not {@code false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { UpgraderAutoConfiguration.class, UpgraderEndpointAutoConfiguration.class })
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Upgrader.class)
public final class UpgraderHealthAutoConfiguration {

	// Nested so that the condition's class is only loaded once the health module is known
	// to be there.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("upgrader")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UpgraderRunState upgraderRunState() {
			return new UpgraderRunState();
		}

		@Bean
		@ConditionalOnMissingBean(name = "upgraderHealthIndicator")
		UpgraderHealthIndicator upgraderHealthIndicator(Upgrader upgrader, UpgraderRunState state) {
			return new UpgraderHealthIndicator(upgrader, state);
		}

	}

}
