package dev.upgrader.engine;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.upgrader.UpgradeGraphException;
import dev.upgrader.testsupport.TestUpgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The graphs of Invenio-Upgrader's own tests, and more. Arrows point from an upgrade to
 * what it depends on.
 */
class TopologicalPlannerTests {

	private final TopologicalPlanner planner = new TopologicalPlanner();

	/**
	 * <pre>
	 *        1
	 *       / \
	 *      2   3
	 *      |   |
	 *      4   |
	 *       \ /
	 *        5
	 *        |
	 *        6
	 * </pre>
	 */
	private static List<TestUpgrade> normalGraph(String repository, String one, String two, String three, String four,
			String five, String six) {
		return List.of(TestUpgrade.of(id(repository, six), id(repository, five)),
				TestUpgrade.of(id(repository, four), id(repository, two)), TestUpgrade.of(id(repository, one)),
				TestUpgrade.of(id(repository, five), id(repository, three), id(repository, four)),
				TestUpgrade.of(id(repository, two), id(repository, one)),
				TestUpgrade.of(id(repository, three), id(repository, one)));
	}

	private static String id(String repository, String name) {
		return repository + "_2026_01_01_" + name;
	}

	private List<String> plan(List<TestUpgrade> upgrades, String... applied) {
		return this.planner.plan(UpgradeGraph.of(upgrades), Set.of(applied))
			.requireValid()
			.pending()
			.stream()
			.map((node) -> node.id().name())
			.toList();
	}

	@Test
	void normalGraphRunsInDependencyOrderSmallestIdFirst() {
		assertThat(plan(normalGraph("r", "1", "2", "3", "4", "5", "6"))).containsExactly("1", "2", "3", "4", "5", "6");
	}

	@Test
	void twoInterleavedGraphsAreOrderedEachInTurnBySmallestId() {
		List<TestUpgrade> upgrades = new java.util.ArrayList<>();
		List<TestUpgrade> numbers = normalGraph("n", "1", "2", "3", "4", "5", "6");
		List<TestUpgrade> letters = normalGraph("l", "a", "b", "c", "d", "e", "f");
		for (int i = 0; i < numbers.size(); i++) {
			upgrades.add(letters.get(i));
			upgrades.add(numbers.get(i));
		}
		// "l_..." sorts before "n_...": the letters graph comes first, contiguously.
		assertThat(plan(upgrades)).containsExactly("a", "b", "c", "d", "e", "f", "1", "2", "3", "4", "5", "6");
	}

	@Test
	void sameRepositoryTwoGraphsMatchTheOriginalsAcceptedOrder() {
		List<TestUpgrade> upgrades = new java.util.ArrayList<>(normalGraph("r", "1", "2", "3", "4", "5", "6"));
		upgrades.addAll(normalGraph("r", "a", "b", "c", "d", "e", "f"));
		assertThat(plan(upgrades)).containsExactly("1", "2", "3", "4", "5", "6", "a", "b", "c", "d", "e", "f");
	}

	/**
	 * <pre>
	 *   1 &lt;- 2 &lt;- 3 &lt;- 4      2 depends on 1 and on 4: 2 -> 4 -> 3 -> 2 is a cycle
	 *        ^         |
	 *        +---------+    5 depends on 3 and 4, 6 on 5
	 * </pre>
	 */
	@Test
	void cycleIsRefusedNamingItsMembersInOrder() {
		List<TestUpgrade> upgrades = List.of(TestUpgrade.of(id("r", "1")),
				TestUpgrade.of(id("r", "2"), id("r", "1"), id("r", "4")), TestUpgrade.of(id("r", "3"), id("r", "2")),
				TestUpgrade.of(id("r", "4"), id("r", "3")), TestUpgrade.of(id("r", "5"), id("r", "3"), id("r", "4")),
				TestUpgrade.of(id("r", "6"), id("r", "5")));
		assertThatExceptionOfType(UpgradeGraphException.class).isThrownBy(() -> plan(upgrades))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"Dependency cycle: r_2026_01_01_2 -> r_2026_01_01_4 -> r_2026_01_01_3 -> r_2026_01_01_2"
							+ " (each depends on the next)"));
	}

	@Test
	void missingDependencyIsRefusedNamingTheDependentAndTheUnknownId() {
		List<TestUpgrade> upgrades = List.of(TestUpgrade.of(id("r", "1")), TestUpgrade.of(id("r", "2"), id("r", "1")),
				TestUpgrade.of(id("r", "3"), id("r", "1"), id("r", "0")));
		assertThatExceptionOfType(UpgradeGraphException.class).isThrownBy(() -> plan(upgrades))
			.satisfies(
					(ex) -> assertThat(ex.getProblems()).containsExactly("Upgrade r_2026_01_01_3 depends on an unknown"
							+ " upgrade r_2026_01_01_0 (neither in the code nor in the log)"));
	}

	@Test
	void dependencyKnownOnlyFromTheLogIsSatisfied() {
		List<TestUpgrade> upgrades = List.of(TestUpgrade.of(id("r", "2"), id("r", "1")));
		assertThat(plan(upgrades, id("r", "1"))).containsExactly("2");
	}

	/**
	 * <pre>
	 *   n: 1 &lt;- 2 &lt;- 3      l: a &lt;- b &lt;- c
	 *           \______________/ (3 depends on b)
	 *       c depends on 2
	 * </pre>
	 */
	@Test
	void crossGraphDependenciesAreAllowed() {
		List<TestUpgrade> upgrades = List.of(TestUpgrade.of(id("n", "1")), TestUpgrade.of(id("n", "2"), id("n", "1")),
				TestUpgrade.of(id("n", "3"), id("n", "2"), id("l", "b")), TestUpgrade.of(id("l", "a")),
				TestUpgrade.of(id("l", "b"), id("l", "a")), TestUpgrade.of(id("l", "c"), id("l", "b"), id("n", "2")));
		// Ready together after 2: l_..._c sorts before n_..._3.
		assertThat(plan(upgrades)).containsExactly("a", "b", "1", "2", "c", "3");
	}

	@Test
	void historyOneTwoFourLeavesThreeFiveSix() {
		assertThat(plan(normalGraph("r", "1", "2", "3", "4", "5", "6"), id("r", "1"), id("r", "2"), id("r", "4")))
			.containsExactly("3", "5", "6");
	}

	@Test
	void historyThreeFiveLeavesOnlySixBecauseAncestorsCountAsApplied() {
		assertThat(plan(normalGraph("r", "1", "2", "3", "4", "5", "6"), id("r", "3"), id("r", "5")))
			.containsExactly("6");
	}

	@Test
	void historyTwoLeavesItsNonAncestors() {
		assertThat(plan(normalGraph("r", "1", "2", "3", "4", "5", "6"), id("r", "2"))).containsExactly("3", "4", "5",
				"6");
	}

	@Test
	void historySixLeavesNothing() {
		assertThat(plan(normalGraph("r", "1", "2", "3", "4", "5", "6"), id("r", "6"))).isEmpty();
	}

	@Test
	void ghostsAreReportedSortedAndDoNotInvalidateThePlan() {
		UpgradePlan plan = this.planner.plan(UpgradeGraph.of(List.of(TestUpgrade.of(id("r", "1")))),
				List.of("r_2020_01_01_zombie", "a_2020_01_01_ghost"));
		assertThat(plan.isValid()).isTrue();
		assertThat(plan.ghosts()).containsExactly("a_2020_01_01_ghost", "r_2020_01_01_zombie");
		assertThat(plan.pending()).extracting((node) -> node.id().value()).containsExactly(id("r", "1"));
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		List<TestUpgrade> upgrades = List.of(TestUpgrade.of("not-an-id"), TestUpgrade.of(id("r", "1")),
				TestUpgrade.of(id("r", "1")), TestUpgrade.of(id("r", "2"), id("r", "3")),
				TestUpgrade.of(id("r", "3"), id("r", "2")), TestUpgrade.of(id("r", "4"), id("r", "9")));
		UpgradePlan plan = this.planner.plan(UpgradeGraph.of(upgrades), Set.of());
		assertThat(plan.isValid()).isFalse();
		assertThat(plan.pending()).isEmpty();
		assertThat(plan.problems()).hasSize(4)
			.anySatisfy((problem) -> assertThat(problem).startsWith("Invalid upgrade id 'not-an-id'"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("Duplicate upgrade id r_2026_01_01_1: declared by "
					+ TestUpgrade.class.getName() + " and by " + TestUpgrade.class.getName()))
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith("Dependency cycle: r_2026_01_01_2 -> r_2026_01_01_3 -> r_2026_01_01_2"))
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith("Upgrade r_2026_01_01_4 depends on an unknown upgrade r_2026_01_01_9"));
	}

	@Test
	void selfDependencyIsACycle() {
		UpgradeGraph graph = UpgradeGraph.of(List.of(TestUpgrade.of(id("r", "1"), id("r", "1"))));
		assertThat(graph.problems())
			.containsExactly("Dependency cycle: r_2026_01_01_1 -> r_2026_01_01_1 (each depends on the next)");
	}

	@Test
	void longChainsDoNotOverflowTheStack() {
		List<TestUpgrade> chain = new java.util.ArrayList<>();
		chain.add(TestUpgrade.of(id("r", "00000")));
		for (int i = 1; i < 20_000; i++) {
			chain.add(TestUpgrade.of(id("r", String.format("%05d", i)), id("r", String.format("%05d", i - 1))));
		}
		assertThat(plan(chain)).hasSize(20_000).startsWith("00000", "00001").endsWith("19999");
	}

}
