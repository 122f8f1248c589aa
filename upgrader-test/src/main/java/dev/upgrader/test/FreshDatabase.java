package dev.upgrader.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A JUnit 5 extension that gives each test a database for
 * {@link UpgradesAssert#appliesFromScratchOn(DataSource)}: a new in-memory H2 database
 * per test ({@link #h2()}, which needs {@code com.h2database:h2} on the test class path),
 * or the database of a JDBC URL ({@link #url}, e.g. a Testcontainers one), which must be
 * empty. Register it with {@code @RegisterExtension}; a test method may take the
 * {@link DataSource} as a parameter.
 *
 * @since 0.1.0
 */
public final class FreshDatabase implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final @Nullable String url;

	private final @Nullable String user;

	private final @Nullable String password;

	private @Nullable DriverManagerDataSource dataSource;

	private FreshDatabase(@Nullable String url, @Nullable String user, @Nullable String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	/**
	 * A new in-memory H2 database for each test, dropped after it.
	 * @return the extension
	 */
	public static FreshDatabase h2() {
		return new FreshDatabase(null, null, null);
	}

	/**
	 * The database of a JDBC URL, whose driver must be on the test class path; it must be
	 * empty when the test starts (the extension does not clean it).
	 * @param url the JDBC URL
	 * @param user the user
	 * @param password the password
	 * @return the extension
	 */
	public static FreshDatabase url(String url, @Nullable String user, @Nullable String password) {
		return new FreshDatabase(url, user, password);
	}

	/**
	 * The database of the running test.
	 * @return the data source
	 * @throws IllegalStateException outside a test
	 */
	public DataSource dataSource() {
		if (this.dataSource == null) {
			throw new IllegalStateException("No test is running: the fresh database exists during a test only");
		}
		return this.dataSource;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				(this.url != null) ? this.url : "jdbc:h2:mem:upgrader-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		dataSource.setUsername(this.user);
		dataSource.setPassword(this.password);
		this.dataSource = dataSource;
	}

	@Override
	public void afterEach(ExtensionContext context) throws SQLException {
		DriverManagerDataSource dataSource = this.dataSource;
		this.dataSource = null;
		if (dataSource != null && this.url == null) {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == DataSource.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return dataSource();
	}

}
