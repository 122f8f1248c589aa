package dev.upgrader.autoconfigure;

import java.util.HashSet;
import java.util.Set;

import dev.upgrader.Upgrade;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The classes the context already has an upgrade bean of, with their superclasses: a
 * scanned class is registered only when no bean is of that class or a subclass of it, as
 * {@code getBeanNamesForType(type)} would tell. Asking the bean factory once per scanned
 * class instead walks every bean definition each time, which costs seconds with thousands
 * of upgrades.
 */
final class DefinedUpgradeClasses {

	private final Set<Class<?>> covered = new HashSet<>();

	private DefinedUpgradeClasses() {
	}

	/**
	 * The upgrade beans the context defines before the scan, matched by their predicted
	 * type without creating anything.
	 */
	static DefinedUpgradeClasses of(ConfigurableListableBeanFactory beanFactory) {
		DefinedUpgradeClasses defined = new DefinedUpgradeClasses();
		for (String name : beanFactory.getBeanNamesForType(Upgrade.class, true, false)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				defined.cover(type);
			}
		}
		return defined;
	}

	/**
	 * Records a class about to be registered, unless a bean of it or of a subclass is
	 * already defined.
	 * @return whether it should be registered
	 */
	boolean add(Class<?> type) {
		if (this.covered.contains(type)) {
			return false;
		}
		cover(type);
		return true;
	}

	/** A bean of a class is a bean of every class above it; each is added once. */
	private void cover(Class<?> type) {
		Class<?> current = type;
		while (current != null && this.covered.add(current)) {
			current = current.getSuperclass();
		}
	}

}
