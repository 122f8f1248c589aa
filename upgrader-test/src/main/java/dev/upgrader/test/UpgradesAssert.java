package dev.upgrader.test;

import java.util.List;

import javax.sql.DataSource;

import org.assertj.core.api.AbstractAssert;

import dev.upgrader.CheckReport;
import dev.upgrader.CheckReport.Rule;
import dev.upgrader.Upgrade;
import dev.upgrader.engine.UpgradeRules;

/**
 * Assertions on an application's upgrades: the rules for writing upgrades that
 * {@code upgrader check} reports on, and a run from scratch. Each failure names the
 * upgrades (and classes) at fault. Get one from {@link UpgraderAssertions}.
 *
 * @since 0.1.0
 */
public class UpgradesAssert extends AbstractAssert<UpgradesAssert, List<Upgrade>> {

	UpgradesAssert(List<Upgrade> upgrades) {
		super(upgrades, UpgradesAssert.class);
	}

	/**
	 * Verifies that the upgrades can run: well-formed, unique ids, every dependency an
	 * upgrade of the code, no cycle.
	 * @return this
	 */
	public UpgradesAssert isValid() {
		isNotNull();
		List<String> problems = UpgradeRules.validate(this.actual);
		if (!problems.isEmpty()) {
			failWithMessage("Expecting the upgrades to form a valid graph, but found:%s", lines(problems));
		}
		return this;
	}

	/**
	 * Verifies that every repository has one root: every upgrade but a repository's first
	 * depends on an earlier upgrade of its repository.
	 * @return this
	 */
	public UpgradesAssert hasOneRootPerRepository() {
		return follows(UpgradeRules.defaults(), Rule.ONE_ROOT_PER_REPOSITORY);
	}

	/**
	 * Verifies that no upgrade class, nor a class of its own package that it uses, uses a
	 * class of the given packages outside the upgrade's own package (read from the
	 * bytecode: fields, method signatures, calls, types).
	 * @param applicationPackages the packages of the application's code, such as
	 * {@code com.example.shop}
	 * @return this
	 */
	public UpgradesAssert isSelfContained(String... applicationPackages) {
		return follows(UpgradeRules.defaults().applicationPackages(List.of(applicationPackages)), Rule.SELF_CONTAINED);
	}

	/**
	 * Verifies that every release depends on every upgrade of its repository dated on or
	 * before its time, the date of the newest upgrade of its repository it depends on.
	 * Upgrades newer than the last release are not a failure; see
	 * {@link #hasNoUpgradesSinceTheLastRelease()}.
	 * @return this
	 */
	public UpgradesAssert releasesCoverEverything() {
		return follows(UpgradeRules.defaults(), Rule.RELEASE_COVERS_ITS_TIME);
	}

	/**
	 * Verifies that in every repository with releases, a release covers every upgrade:
	 * for a release branch, where nothing should come after the release.
	 * @return this
	 */
	public UpgradesAssert hasNoUpgradesSinceTheLastRelease() {
		return follows(UpgradeRules.defaults(), Rule.SINCE_LAST_RELEASE);
	}

	/**
	 * Verifies that the upgrades apply from scratch on the given database, as on a new
	 * installation: the run succeeds and applies every upgrade, a second run applies
	 * nothing, and after {@code populate} (into a second log table,
	 * {@code upgrader_populate_check}, dropped afterwards) a run applies nothing either.
	 * The database must be fresh, as {@link FreshDatabase} gives, and the upgrades' own
	 * collaborators (an injected {@code JdbcTemplate}) must use it too.
	 * @param dataSource the fresh database
	 * @return this
	 */
	public UpgradesAssert appliesFromScratchOn(DataSource dataSource) {
		isNotNull();
		List<String> failures = new FromScratchRun(dataSource, this.actual).failures();
		if (!failures.isEmpty()) {
			failWithMessage("Expecting the upgrades to apply from scratch, but:%s", lines(failures));
		}
		return this;
	}

	private UpgradesAssert follows(UpgradeRules rules, Rule rule) {
		isNotNull();
		List<String> breaches = rules.check(this.actual)
			.stream()
			.filter((warning) -> warning.rule() == rule)
			.map(CheckReport.Warning::message)
			.toList();
		if (!breaches.isEmpty()) {
			failWithMessage("Expecting the upgrades to follow the rule '%s', but:%s", rule.description(),
					lines(breaches));
		}
		return this;
	}

	private static String lines(List<String> messages) {
		StringBuilder lines = new StringBuilder();
		messages.forEach((message) -> lines.append(System.lineSeparator()).append(" - ").append(message));
		return lines.toString();
	}

}
