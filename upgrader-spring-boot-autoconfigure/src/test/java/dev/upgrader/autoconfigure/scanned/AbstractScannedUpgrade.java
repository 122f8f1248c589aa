package dev.upgrader.autoconfigure.scanned;

import dev.upgrader.AbstractUpgrade;

/** Abstract, so scanning must skip it. */
public abstract class AbstractScannedUpgrade extends AbstractUpgrade {

	protected AbstractScannedUpgrade(String... dependsOn) {
		super("A scanned upgrade", dependsOn);
	}

}
