package dev.upgrader;

import java.time.Duration;
import java.util.List;

/**
 * An upgrade for tests, with an explicit id, dependencies, estimate and body.
 */
public final class TestUpgrade implements Upgrade {

	private final String id;

	private final List<String> dependsOn;

	private final Duration estimate;

	private final Body body;

	private TestUpgrade(String id, List<String> dependsOn, Duration estimate, Body body) {
		this.id = id;
		this.dependsOn = dependsOn;
		this.estimate = estimate;
		this.body = body;
	}

	public static TestUpgrade of(String id, String... dependsOn) {
		return new TestUpgrade(id, List.of(dependsOn), Duration.ofSeconds(1), (context) -> {
		});
	}

	public static TestUpgrade failing(String id, String... dependsOn) {
		return new TestUpgrade(id, List.of(dependsOn), Duration.ofSeconds(1), (context) -> {
			throw new IllegalStateException("boom in " + id);
		});
	}

	public TestUpgrade estimate(Duration estimate) {
		return new TestUpgrade(this.id, this.dependsOn, estimate, this.body);
	}

	public TestUpgrade body(Body body) {
		return new TestUpgrade(this.id, this.dependsOn, this.estimate, body);
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public List<String> dependsOn() {
		return this.dependsOn;
	}

	@Override
	public String info() {
		return "Test upgrade " + this.id;
	}

	@Override
	public Duration estimate() {
		return this.estimate;
	}

	@Override
	public void doUpgrade(UpgradeContext context) throws Exception {
		this.body.run(context);
	}

	/**
	 * The work of a test upgrade.
	 */
	@FunctionalInterface
	public interface Body {

		void run(UpgradeContext context) throws Exception;

	}

}
