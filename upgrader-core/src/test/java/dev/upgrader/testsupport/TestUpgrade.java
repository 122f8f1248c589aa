package dev.upgrader.testsupport;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/**
 * An upgrade assembled in a test: an id, dependencies and bodies given as lambdas.
 */
public final class TestUpgrade extends AbstractUpgrade {

	private final String id;

	private Body body = (context) -> {
	};

	private Body pre = (context) -> {
	};

	private Body post = (context) -> {
	};

	private @Nullable Duration estimate;

	private @Nullable String checksum;

	private TestUpgrade(String id, String... dependsOn) {
		super("Test upgrade " + id + "\nsecond line", dependsOn);
		this.id = id;
	}

	/** An upgrade with the given id and dependencies that does nothing. */
	public static TestUpgrade of(String id, String... dependsOn) {
		return new TestUpgrade(id, dependsOn);
	}

	/** An upgrade whose {@code doUpgrade} throws {@code boom in} followed by its id. */
	public static TestUpgrade failing(String id, String... dependsOn) {
		return of(id, dependsOn).doing((context) -> {
			throw new IllegalStateException("boom in " + id);
		});
	}

	/** Makes {@code preUpgrade} throw with the given message. */
	public TestUpgrade vetoing(String message) {
		return checkingBefore((context) -> {
			throw new IllegalStateException(message);
		});
	}

	/** Makes {@code doUpgrade} throw with the given message. */
	public TestUpgrade failingWith(String message) {
		return doing((context) -> {
			throw new IllegalStateException(message);
		});
	}

	public TestUpgrade doing(Body body) {
		this.body = body;
		return this;
	}

	public TestUpgrade checkingBefore(Body pre) {
		this.pre = pre;
		return this;
	}

	public TestUpgrade checkingAfter(Body post) {
		this.post = post;
		return this;
	}

	public TestUpgrade estimating(Duration estimate) {
		this.estimate = estimate;
		return this;
	}

	/**
	 * Declares a checksum, as a Java upgrade does by overriding {@code checksum()}; call
	 * again to simulate a change to the upgrade's code.
	 */
	public TestUpgrade withChecksum(@Nullable String checksum) {
		this.checksum = checksum;
		return this;
	}

	@Override
	public @Nullable String checksum() {
		return this.checksum;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public Duration estimate() {
		return (this.estimate != null) ? this.estimate : super.estimate();
	}

	@Override
	public void doUpgrade(UpgradeContext context) throws Exception {
		this.body.run(context);
	}

	@Override
	public void preUpgrade(UpgradeContext context) throws Exception {
		this.pre.run(context);
	}

	@Override
	public void postUpgrade(UpgradeContext context) throws Exception {
		this.post.run(context);
	}

	/** A hook body. */
	@FunctionalInterface
	public interface Body {

		void run(UpgradeContext context) throws Exception;

	}

}
