package dev.upgrader.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.upgrader.Upgrade;

/**
 * Generates the synthetic graphs the benchmarks plan and run: {@value #REPOSITORIES}
 * repositories (graphs), each a chain of upgrades, with one upgrade in ten also depending
 * on an upgrade of another repository.
 * <p>
 * Upgrade {@code i} only ever depends on upgrades with a smaller index, so the first
 * {@code k} upgrades are closed under their dependencies: "the first 90% are applied" is
 * a log a real run could have written.
 */
final class SyntheticUpgrades {

	/** How many repositories (independent graphs) the upgrades are spread over. */
	static final int REPOSITORIES = 100;

	private SyntheticUpgrades() {
	}

	/**
	 * The id of upgrade {@code i}: repository {@code i % 100}, one day per chain step.
	 */
	static String id(int i) {
		int step = i / REPOSITORIES;
		// Valid dates only (the id parser checks month and day).
		return String.format("repo%02d_%04d_%02d_%02d_u%06d", i % REPOSITORIES, 2000 + step / 336, 1 + (step / 28) % 12,
				1 + step % 28, i);
	}

	/**
	 * The dependencies of upgrade {@code i}: its predecessor in the chain, plus a cross
	 * edge for one in ten.
	 */
	static List<String> dependsOn(int i) {
		if (i < REPOSITORIES) {
			return List.of();
		}
		if (i % 10 != 3) {
			return List.of(id(i - REPOSITORIES));
		}
		// 101..137 back: always another repository, always a smaller index.
		int other = i - REPOSITORIES - 1 - (i % 37);
		return (other >= 0) ? List.of(id(i - REPOSITORIES), id(other)) : List.of(id(i - REPOSITORIES));
	}

	/**
	 * The first {@code count} upgrades, in index order (which is also their discovery
	 * order): the repositories interleaved, so that consecutive upgrades never depend on
	 * each other.
	 */
	static List<Upgrade> upgrades(int count) {
		List<Upgrade> upgrades = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			upgrades.add(new NoOpUpgrade(id(i), dependsOn(i)));
		}
		return upgrades;
	}

	/**
	 * The first {@code count} upgrades as an application's package scan finds and creates
	 * them: Spring lists the classes of a package sorted by name, so the upgrades come
	 * grouped by repository and, within one, by date; each is created (allocated) in that
	 * order.
	 */
	static List<Upgrade> scanned(int count) {
		List<Upgrade> upgrades = new ArrayList<>(count);
		for (int repository = 0; repository < REPOSITORIES; repository++) {
			for (int i = repository; i < count; i += REPOSITORIES) {
				upgrades.add(new NoOpUpgrade(id(i), dependsOn(i)));
			}
		}
		return upgrades;
	}

	/**
	 * The first {@code count} upgrades in the given discovery order.
	 * @param order {@code scan} ({@link #scanned}) or {@code interleaved}
	 * ({@link #upgrades})
	 */
	static List<Upgrade> inOrder(String order, int count) {
		return switch (order) {
			case "scan" -> scanned(count);
			case "interleaved" -> upgrades(count);
			default -> throw new IllegalArgumentException("Unknown order " + order);
		};
	}

	/**
	 * The ids of the first {@code percent}% of {@code count} upgrades, as the log would
	 * list them.
	 */
	static Set<String> applied(int count, int percent) {
		int applied = (int) ((long) count * percent / 100);
		Set<String> ids = new LinkedHashSet<>();
		for (int i = 0; i < applied; i++) {
			ids.add(id(i));
		}
		return ids;
	}

}
