package dev.upgrader.autoconfigure;

import java.util.Locale;
import java.util.Map;

import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderTenants;
import dev.upgrader.actuate.UpgraderHealthIndicator;
import dev.upgrader.actuate.UpgraderRunState;
import dev.upgrader.actuate.UpgraderTenantsHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code upgrader} health indicator, when Spring Boot's health
 * support is there, an {@link Upgrader} bean exists (the engine or the application's own)
 * and {@code management.health.upgrader.enabled} is not {@code false}. With several
 * {@link Upgrader} beans the {@code upgrader} component has one indicator per bean name.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { UpgraderAutoConfiguration.class, UpgraderEndpointAutoConfiguration.class })
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Upgrader.class)
@EnableConfigurationProperties(UpgraderProperties.class)
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
		HealthContributor upgraderHealthIndicator(Map<String, Upgrader> upgraders, UpgraderRunState state,
				UpgraderProperties properties) {
			Status pendingStatus = status(properties.getHealth().getPendingStatus());
			if (upgraders.size() == 1) {
				return new UpgraderHealthIndicator(upgraders.values().iterator().next(), state, pendingStatus);
			}
			return CompositeHealthContributor.fromMap(upgraders,
					(upgrader) -> new UpgraderHealthIndicator(upgrader, state, pendingStatus));
		}

		/**
		 * Reads a status as Boot's status order does: {@code out-of-service},
		 * {@code OUT_OF_SERVICE} and {@code out_of_service} are the same status.
		 */
		@Bean
		@ConditionalOnBean(UpgraderTenants.class)
		@ConditionalOnMissingBean(name = "upgraderTenantsHealthIndicator")
		UpgraderTenantsHealthIndicator upgraderTenantsHealthIndicator(UpgraderTenants tenants) {
			return new UpgraderTenantsHealthIndicator(tenants);
		}

		private static Status status(String code) {
			return new Status(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}

	}

}
