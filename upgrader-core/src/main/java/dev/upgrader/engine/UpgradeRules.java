package dev.upgrader.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.upgrader.CheckReport;
import dev.upgrader.Upgrade;

/**
 * The rules for writing upgrades that {@code check} reports on, as Invenio-Upgrader
 * states them: an upgrade is self-contained (it uses no application code outside its own
 * package), every repository has one root, a release depends on every upgrade of its
 * time, and the upgrades since a repository's last release are listed. Breaches are
 * warnings, or problems when the check is {@link #strict(boolean) strict}; the list of
 * upgrades since the last release stays a note.
 * <p>
 * Immutable; {@link #defaults()} checks all but self-containment, which needs the
 * {@link #applicationPackages(Collection) application packages}.
 *
 * @since 0.1.0
 */
public final class UpgradeRules {

	private static final UpgradeRules DEFAULTS = new UpgradeRules(List.of(), false);

	private final List<String> applicationPackages;

	private final boolean strict;

	private final List<UpgradeRule> rules;

	private UpgradeRules(List<String> applicationPackages, boolean strict) {
		this.applicationPackages = applicationPackages;
		this.strict = strict;
		this.rules = List.of(new SelfContainedRule(applicationPackages), new OneRootPerRepositoryRule(),
				new ReleaseCoversItsTimeRule(), new SinceLastReleaseRule());
	}

	/**
	 * The rules as warnings, without the self-containment rule.
	 * @return the default rules
	 */
	public static UpgradeRules defaults() {
		return DEFAULTS;
	}

	/**
	 * These rules with the packages of the application's code, which upgrades must not
	 * use outside their own package.
	 * @param packages the application's packages, such as the package of its main class
	 * @return the rules
	 */
	public UpgradeRules applicationPackages(Collection<String> packages) {
		return new UpgradeRules(List.copyOf(packages), this.strict);
	}

	/**
	 * These rules, failing the check when broken instead of warning.
	 * @param strict whether breaches are problems
	 * @return the rules
	 */
	public UpgradeRules strict(boolean strict) {
		return new UpgradeRules(this.applicationPackages, strict);
	}

	/**
	 * Whether breaches are problems rather than warnings.
	 * @return {@code true} when strict
	 */
	public boolean isStrict() {
		return this.strict;
	}

	/**
	 * The application packages that upgrades must not use.
	 * @return the packages; empty when self-containment is not checked
	 */
	public List<String> getApplicationPackages() {
		return this.applicationPackages;
	}

	/**
	 * Checks upgrades against the rules.
	 * @param upgrades the upgrades of the code
	 * @return every breach, rule by rule; upgrades with a malformed or duplicate id are
	 * left out (validation reports them)
	 */
	public List<CheckReport.Warning> check(Collection<? extends Upgrade> upgrades) {
		return check(UpgradeGraph.of(upgrades));
	}

	List<CheckReport.Warning> check(UpgradeGraph graph) {
		List<CheckReport.Warning> warnings = new ArrayList<>();
		this.rules.forEach((rule) -> warnings.addAll(rule.check(graph)));
		return warnings;
	}

	/**
	 * Validates upgrades as a run on an empty database would: well-formed unique ids,
	 * every dependency known, no cycle.
	 * @param upgrades the upgrades of the code
	 * @return every problem, each naming the upgrades involved; empty when valid
	 */
	public static List<String> validate(Collection<? extends Upgrade> upgrades) {
		return new TopologicalPlanner().plan(UpgradeGraph.of(upgrades), Set.of()).problems();
	}

}
