package dev.upgrader.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An empty namespace of its own for each test, as a fresh installation has, made by
 * {@link TestDatabase#createNamespace} before the test's {@code @BeforeEach} methods and
 * dropped after its {@code @AfterEach} methods. Register it as a
 * {@code @RegisterExtension} field.
 */
public final class TestNamespace implements BeforeEachCallback, AfterEachCallback {

	private final TestDatabase database;

	private final String prefix;

	private String name;

	private TestDatabase.Connection connection;

	/**
	 * Creates the extension.
	 * @param database the database the namespaces are made in
	 * @param prefix the start of each namespace's name
	 */
	public TestNamespace(TestDatabase database, String prefix) {
		this.database = database;
		this.prefix = prefix;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.name = TestDatabase.uniqueName(this.prefix);
		this.connection = this.database.createNamespace(this.name);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.database.dropNamespace(this.name);
	}

	/** The database the namespace is in. */
	public TestDatabase database() {
		return this.database;
	}

	/** The connection settings that use the current test's namespace. */
	public TestDatabase.Connection connection() {
		return this.connection;
	}

}
