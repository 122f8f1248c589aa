package dev.upgrader.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;

/**
 * Supplies the upgrade beans to the engine, turning a bean that cannot be created into an
 * error that names it.
 */
class UpgradeBeans implements Supplier<List<Upgrade>> {

	private final ObjectProvider<Upgrade> upgrades;

	UpgradeBeans(ObjectProvider<Upgrade> upgrades) {
		this.upgrades = upgrades;
	}

	@Override
	public List<Upgrade> get() {
		try {
			return this.upgrades.orderedStream().toList();
		}
		catch (BeanCreationException ex) {
			Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
			throw new UpgraderException("The upgrade bean '" + ex.getBeanName() + "' cannot be created: " + root, ex);
		}
	}

}
