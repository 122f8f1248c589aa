package dev.upgrader;

import org.jspecify.annotations.Nullable;

/**
 * One tenant's state, for operators.
 *
 * @param tenant the tenant's name
 * @param applied the number of rows in its log
 * @param pending the number of upgrades a run would apply
 * @param failed the number of upgrades whose last attempt failed
 * @param lockHolder who holds its lock, or {@code null} when free
 * @param error why its state could not be read (the database is unreachable, say), or
 * {@code null}
 * @since 0.1.0
 */
public record TenantStatus(String tenant, int applied, int pending, int failed, @Nullable String lockHolder,
		@Nullable String error) {

}
