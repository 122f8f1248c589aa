package dev.upgrader.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderTenants;
import dev.upgrader.metrics.UpgraderMetrics;
import dev.upgrader.metrics.UpgraderObservations;
import dev.upgrader.metrics.UpgraderTenantMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of Upgrader's Micrometer meters, when Micrometer and a
 * {@link MeterRegistry} are there, and of its observations of runs and upgrades, when an
 * {@link ObservationRegistry} is.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = UpgraderAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnBean(Upgrader.class)
@EnableConfigurationProperties(UpgraderProperties.class)
public final class UpgraderMetricsAutoConfiguration {

	// Nested so that Micrometer's classes are only loaded once they are known to be
	// there.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UpgraderMetrics upgraderMetrics(MeterRegistry registry, ObjectProvider<Upgrader> upgrader,
				UpgraderProperties properties) {
			return new UpgraderMetrics(registry, upgrader::getObject, properties.getMetrics().isUpgradeTag());
		}

		@Bean
		@ConditionalOnBean(UpgraderTenants.class)
		@ConditionalOnMissingBean
		UpgraderTenantMetrics upgraderTenantMetrics(MeterRegistry registry, UpgraderProperties properties) {
			return new UpgraderTenantMetrics(registry, properties.getMetrics().isTenantTag());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	@ConditionalOnBean(ObservationRegistry.class)
	static class ObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UpgraderObservations upgraderObservations(ObservationRegistry registry) {
			return new UpgraderObservations(registry);
		}

	}

}
