package dev.upgrader.autoconfigure;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;

/**
 * Supplies the upgrade beans and the SQL upgrades to the engine, turning a bean that
 * cannot be created into an error that names it.
 */
class UpgradeBeans implements Supplier<List<Upgrade>> {

	private final ObjectProvider<Upgrade> upgrades;

	private final List<Upgrade> sqlUpgrades;

	UpgradeBeans(ObjectProvider<Upgrade> upgrades, List<Upgrade> sqlUpgrades) {
		this.upgrades = upgrades;
		this.sqlUpgrades = sqlUpgrades;
	}

	/**
	 * One caller at a time: tenants' engines ask from their own threads while the context
	 * may still be starting, and two threads creating the same upgrade bean at once make
	 * Spring fail one of them ("there is already object ... bound").
	 */
	@Override
	public synchronized List<Upgrade> get() {
		try {
			return Stream.concat(this.upgrades.orderedStream(), this.sqlUpgrades.stream()).toList();
		}
		catch (BeanCreationException ex) {
			Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
			if (root instanceof BeanCurrentlyInCreationException) {
				throw new UpgraderException("The upgrade bean '" + ex.getBeanName() + "' cannot be created: it needs '"
						+ firstCollaborator(ex) + "', which waits for the upgrades (in the initializer phase, beans"
						+ " that depend on database initialization, such as JPA's EntityManagerFactory and its"
						+ " repositories, are created after the upgrades). Use ctx.jdbc() or an injected JdbcTemplate"
						+ " in the upgrade, or set upgrader.auto-run-phase=runner if those beans do not need the"
						+ " upgraded schema while they are created.", ex);
			}
			throw new UpgraderException("The upgrade bean '" + ex.getBeanName() + "' cannot be created: " + root, ex);
		}
	}

	/** The bean that the upgrade bean failed to get, the next one down the causes. */
	private static @Nullable String firstCollaborator(BeanCreationException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof BeanCreationException creation && creation.getBeanName() != null
					&& !creation.getBeanName().equals(ex.getBeanName())) {
				return creation.getBeanName();
			}
		}
		return null;
	}

}
