package dev.upgrader.shell;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The Flyway history table the application configured, read from the
 * {@code spring.flyway.*} properties so that Flyway need not be on the class path.
 */
final class FlywayTable {

	static final String DEFAULT = "flyway_schema_history";

	private FlywayTable() {
	}

	/**
	 * {@code spring.flyway.table} (default {@value #DEFAULT}), qualified with
	 * {@code spring.flyway.default-schema} or else the first of
	 * {@code spring.flyway.schemas}, where Flyway keeps it.
	 */
	static String of(Environment environment) {
		String table = environment.getProperty("spring.flyway.table", DEFAULT);
		String schema = environment.getProperty("spring.flyway.default-schema");
		if (!StringUtils.hasText(schema)) {
			String[] schemas = StringUtils
				.commaDelimitedListToStringArray(environment.getProperty("spring.flyway.schemas", ""));
			schema = (schemas.length > 0) ? schemas[0].strip() : null;
		}
		return StringUtils.hasText(schema) ? schema + "." + table : table;
	}

}
