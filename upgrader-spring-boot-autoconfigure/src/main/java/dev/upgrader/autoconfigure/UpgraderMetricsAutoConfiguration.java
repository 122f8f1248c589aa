package dev.upgrader.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import dev.upgrader.Upgrader;
import dev.upgrader.metrics.UpgraderMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Upgrader's Micrometer meters, when Micrometer and a
 * {@link MeterRegistry} are there.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = UpgraderAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, Upgrader.class })
public final class UpgraderMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	UpgraderMetrics upgraderMetrics(MeterRegistry registry, ObjectProvider<Upgrader> upgrader) {
		return new UpgraderMetrics(registry, upgrader::getObject);
	}

}
