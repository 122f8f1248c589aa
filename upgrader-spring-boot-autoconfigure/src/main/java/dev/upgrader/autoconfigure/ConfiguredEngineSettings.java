package dev.upgrader.autoconfigure;

import java.util.List;

import dev.upgrader.autoconfigure.UpgraderProperties.LockMode;
import dev.upgrader.engine.EngineSettings;
import dev.upgrader.engine.UpgradeRules;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;

/**
 * The engine settings of the {@code upgrader.*} properties, the same for the
 * application's database and for every tenant: the table, {@code upgrader.lock.*},
 * {@code upgrader.on-changed-upgrade}, {@code upgrader.baseline},
 * {@code upgrader.check.strict} (with the application's packages, for the rules) and
 * {@code upgrader.upgrade-wait-timeout}.
 */
final class ConfiguredEngineSettings {

	private ConfiguredEngineSettings() {
	}

	static EngineSettings of(UpgraderProperties properties, BeanFactory beanFactory) {
		UpgraderProperties.Lock lock = properties.getLock();
		LockMode mode = lock.getMode();
		List<String> packages = AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory)
				: List.of();
		return new EngineSettings(properties.getTable(),
				(mode != null) ? EngineSettings.LockMode.valueOf(mode.name()) : null, lock.getWaitTimeout(),
				lock.getLeaseDuration(), properties.getOnChangedUpgrade(), properties.getBaseline(),
				UpgradeRules.defaults().applicationPackages(packages).strict(properties.getCheck().isStrict()),
				properties.getUpgradeWaitTimeout());
	}

}
