package dev.upgrader.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgradeTarget;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A tenant's view of its DataSource: connections work in the tenant's schema while
 * borrowed and get their catalog and schema back when closed, so the pool they return to
 * serves the rest of the application unchanged. Knows the tenant's name for
 * {@code UpgradeContext.tenant()}.
 */
final class TenantDataSource extends DelegatingDataSource {

	private static final int SCHEMA_ATTEMPTS = 5;

	private final String tenant;

	private final @Nullable String schema;

	private final DatabaseDialect dialect;

	TenantDataSource(UpgradeTarget target, DatabaseDialect dialect) {
		super(target.dataSource());
		this.tenant = target.name();
		this.schema = target.schema();
		this.dialect = dialect;
	}

	String tenant() {
		return this.tenant;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return inSchema(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return inSchema(obtainTargetDataSource().getConnection(username, password));
	}

	/**
	 * Creates the tenant's schema unless it exists. Instances and tenants starting
	 * together may race on the catalog (PostgreSQL then reports a duplicate even with
	 * {@code IF NOT EXISTS}, H2 a lock timeout): failed attempts are retried a few times.
	 */
	void createSchemaIfMissing() throws SQLException {
		if (this.schema == null) {
			return;
		}
		for (int attempt = 1;; attempt++) {
			try {
				createSchema();
				return;
			}
			catch (SQLException ex) {
				if (attempt == SCHEMA_ATTEMPTS) {
					throw ex;
				}
				pause(attempt);
			}
		}
	}

	private static void pause(int attempt) throws SQLException {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(50, 200) * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while creating a schema", ex);
		}
	}

	private void createSchema() throws SQLException {
		try (Connection connection = obtainTargetDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + this.schema);
		}
	}

	private Connection inSchema(Connection connection) throws SQLException {
		if (this.schema == null) {
			return connection;
		}
		try {
			String catalog = connection.getCatalog();
			String original = this.dialect.enterSchema(connection, this.schema);
			return (Connection) Proxy.newProxyInstance(ConnectionProxy.class.getClassLoader(),
					new Class<?>[] { ConnectionProxy.class },
					new RestoringHandler(connection, this.dialect, catalog, original));
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	@Override
	public String toString() {
		return "tenant " + this.tenant + ((this.schema != null) ? " (schema " + this.schema + ")" : "");
	}

	/**
	 * Restores the catalog and schema before the connection is closed.
	 */
	private static final class RestoringHandler implements InvocationHandler {

		private final Connection target;

		private final DatabaseDialect dialect;

		private final @Nullable String catalog;

		private final @Nullable String schema;

		RestoringHandler(Connection target, DatabaseDialect dialect, @Nullable String catalog,
				@Nullable String schema) {
			this.target = target;
			this.dialect = dialect;
			this.catalog = catalog;
			this.schema = schema;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			switch (method.getName()) {
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				case "toString":
					return "tenant connection on " + this.target;
				case "getTargetConnection":
					return this.target;
				case "close":
					restoreAndClose();
					return null;
				default:
					try {
						return method.invoke(this.target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
			}
		}

		private void restoreAndClose() throws SQLException {
			try {
				if (!this.target.isClosed()) {
					if (!Objects.equals(this.catalog, this.target.getCatalog())) {
						this.target.setCatalog(this.catalog);
					}
					this.dialect.leaveSchema(this.target, this.schema);
				}
			}
			finally {
				this.target.close();
			}
		}

	}

}
