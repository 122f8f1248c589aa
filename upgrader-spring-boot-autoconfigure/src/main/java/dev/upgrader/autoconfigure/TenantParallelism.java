package dev.upgrader.autoconfigure;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.upgrader.UpgraderException;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;

/**
 * How many tenants a run upgrades at once: {@code upgrader.tenants.parallelism}, by
 * default {@value #DEFAULT}, and never more than half the pool's maximum size, since a
 * tenant's run holds two connections (its lock and its upgrade) and the application needs
 * some too.
 */
final class TenantParallelism {

	static final int DEFAULT = 4;

	private static final Log logger = LogFactory.getLog(TenantParallelism.class);

	private TenantParallelism() {
	}

	static int of(@Nullable Integer configured, @Nullable DataSource dataSource, DataSourcePoolMetadataProvider pools) {
		if (configured != null && configured < 1) {
			throw new UpgraderException("Invalid upgrader.tenants.parallelism " + configured + ": use 1 or more");
		}
		int wanted = (configured != null) ? configured : DEFAULT;
		DataSourcePoolMetadata pool = (dataSource != null) ? pools.getDataSourcePoolMetadata(dataSource) : null;
		Integer max = (pool != null) ? pool.getMax() : null;
		if (max == null || max < 0) {
			return wanted;
		}
		int bound = Math.max(1, max / 2);
		if (wanted > bound && configured != null) {
			logger.warn("upgrader.tenants.parallelism " + configured + " is more than half the connection pool's " + max
					+ " connections: upgrading " + bound + " tenants at once");
		}
		return Math.min(wanted, bound);
	}

}
