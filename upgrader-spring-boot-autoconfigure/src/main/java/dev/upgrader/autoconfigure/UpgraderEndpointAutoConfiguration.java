package dev.upgrader.autoconfigure;

import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderTenants;
import dev.upgrader.actuate.UpgraderEndpoint;
import dev.upgrader.actuate.UpgraderRunState;
import dev.upgrader.actuate.UpgraderTenantsEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code upgrader} actuator endpoint, when Spring Boot Actuator
 * is there, an {@link Upgrader} bean exists (the engine or the application's own) and the
 * endpoint is available. Its access defaults to read-only: its write operation, which
 * runs the pending upgrades, needs
 * {@code management.endpoint.upgrader.access=unrestricted}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = UpgraderAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(Upgrader.class)
public final class UpgraderEndpointAutoConfiguration {

	// Nested so that the condition's class is only loaded once Actuator is known to be
	// there.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(UpgraderEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UpgraderRunState upgraderRunState() {
			return new UpgraderRunState();
		}

		@Bean
		@ConditionalOnMissingBean
		UpgraderEndpoint upgraderEndpoint(ApplicationContext context, UpgraderRunState state) {
			return new UpgraderEndpoint(context, state);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(UpgraderTenantsEndpoint.class)
	@ConditionalOnBean(UpgraderTenants.class)
	static class TenantsEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UpgraderTenantsEndpoint upgraderTenantsEndpoint(UpgraderTenants tenants) {
			return new UpgraderTenantsEndpoint(tenants);
		}

	}

}
