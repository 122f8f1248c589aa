package dev.upgrader.benchmarks;

/**
 * Sanity checks run outside the measurement: a benchmark whose contender silently did
 * nothing, or did too much, would report a meaningless number.
 */
final class Checks {

	private Checks() {
	}

	static void applied(int expected, int actual) {
		if (actual != expected) {
			throw new IllegalStateException("Expected " + expected + " applied, got " + actual);
		}
	}

}
