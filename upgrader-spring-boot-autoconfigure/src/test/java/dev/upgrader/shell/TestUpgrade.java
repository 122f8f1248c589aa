package dev.upgrader.shell;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;

/**
 * An upgrade for tests: it records its own id in the table {@code done} (created by the
 * first upgrade of a graph) and can be told to veto the run or to fail.
 */
class TestUpgrade implements Upgrade {

	private final String id;

	private final List<String> dependsOn;

	private Duration estimate = Duration.ofSeconds(1);

	private @Nullable String veto;

	private @Nullable String failure;

	TestUpgrade(String id, String... dependsOn) {
		this.id = id;
		this.dependsOn = List.of(dependsOn);
	}

	TestUpgrade estimate(Duration estimate) {
		this.estimate = estimate;
		return this;
	}

	TestUpgrade veto(String message) {
		this.veto = message;
		return this;
	}

	TestUpgrade failing(String message) {
		this.failure = message;
		return this;
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
		return "Info of " + this.id + "\nA second line that listings leave out.";
	}

	@Override
	public Duration estimate() {
		return this.estimate;
	}

	@Override
	public void preUpgrade(UpgradeContext context) {
		if (this.veto != null) {
			throw new IllegalStateException(this.veto);
		}
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		if (this.failure != null) {
			throw new IllegalStateException(this.failure);
		}
		context.jdbc().execute("CREATE TABLE IF NOT EXISTS done (id VARCHAR(200))");
		context.jdbc().update("INSERT INTO done (id) VALUES (?)", this.id);
	}

}
