package dev.upgrader;

import java.time.Instant;

/**
 * The last failed attempt to apply an upgrade that is still not applied.
 *
 * @param id the upgrade id
 * @param failedAt when the last attempt failed (UTC)
 * @param attempts how many attempts failed so far
 * @param message what the upgrade threw
 * @param failedBy the host that attempted it
 * @since 0.1.0
 */
public record UpgradeFailure(String id, Instant failedAt, int attempts, String message, String failedBy) {

}
