package dev.upgrader;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * One database upgrade: a class whose id names its repository and date, which lists the
 * upgrades it depends on and which performs its work in
 * {@link #doUpgrade(UpgradeContext)}.
 * <p>
 * Implementations found under {@code upgrader.packages} are created as Spring beans, so
 * they may take collaborators such as a {@code JdbcTemplate} in their constructor. Once
 * an upgrade has been released it must not change meaning: fix mistakes with a new
 * upgrade.
 * <p>
 * {@link AbstractUpgrade} implements the members that only return values.
 *
 * @since 0.1.0
 */
public interface Upgrade {

	/**
	 * The upgrade id, {@code repository_yyyy_mm_dd_name} or
	 * {@code repository_release_x_y_z}. Defaults to the simple name of the implementing
	 * class (never of a proxy).
	 * @return the id stored in the log table and named by other upgrades' dependencies
	 */
	default String id() {
		return ClassUtils.getUserClass(getClass()).getSimpleName();
	}

	/**
	 * The ids of the upgrades that must be applied before this one. Empty only for the
	 * first upgrade of a repository.
	 * @return the dependency ids, never {@code null}
	 */
	List<String> dependsOn();

	/**
	 * A human description; only its first line is shown in listings.
	 * @return the description
	 */
	String info();

	/**
	 * Performs the upgrade. Throwing stops the run; this upgrade is then not recorded.
	 * @param context access to the database and to the operator
	 * @throws Exception any failure
	 */
	void doUpgrade(UpgradeContext context) throws Exception;

	/**
	 * The expected run time, summed into the run's estimate and progress.
	 * @return the estimate, one second unless overridden
	 */
	default Duration estimate() {
		return Duration.ofSeconds(1);
	}

	/**
	 * A fingerprint of what this upgrade does, recorded in the log when it is applied so
	 * that a later change to an applied upgrade is reported ("no fiddling"). SQL upgrades
	 * return one of their normalised text; a Java upgrade may return, for example, a
	 * version string it changes whenever its work changes.
	 * @return the checksum, or {@code null} (the default) when the upgrade declares none
	 */
	default @Nullable String checksum() {
		return null;
	}

	/**
	 * A check called before any upgrade of a run is applied. Throwing vetoes the whole
	 * run; the failures of every pending upgrade are reported together.
	 * @param context access to the database and to the operator
	 * @throws Exception to veto the run
	 */
	default void preUpgrade(UpgradeContext context) throws Exception {
	}

	/**
	 * A check called after every upgrade of a run was applied.
	 * @param context access to the database and to the operator
	 * @throws Exception to report a problem; the upgrades stay recorded
	 */
	default void postUpgrade(UpgradeContext context) throws Exception {
	}

}
