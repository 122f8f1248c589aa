package dev.upgrader.engine;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * Where a data source connects, for messages about a database that cannot be reached: the
 * JDBC URL of the common pools and data sources (HikariCP's {@code jdbcUrl}, Spring's and
 * most drivers' {@code url}), without its credentials.
 */
final class DataSourceUrl {

	private static final Pattern CREDENTIALS = Pattern.compile("(?i)((?:password|user)=)[^&;]*");

	private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

	private DataSourceUrl() {
	}

	/**
	 * Describes where the data source connects.
	 * @param dataSource the data source
	 * @return " at " and the URL, or an empty string when the data source does not tell
	 */
	static String describe(DataSource dataSource) {
		BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
		for (String name : new String[] { "jdbcUrl", "url", "URL" }) {
			if (properties.isReadableProperty(name)) {
				try {
					Object url = properties.getPropertyValue(name);
					if (url instanceof String text && !text.isBlank()) {
						return " at " + withoutCredentials(text);
					}
				}
				catch (RuntimeException ex) {
					// A data source whose getter fails tells nothing more.
				}
			}
		}
		return "";
	}

	private static String withoutCredentials(String url) {
		return CREDENTIALS.matcher(USER_INFO.matcher(url).replaceAll("//")).replaceAll("$1***");
	}

}
