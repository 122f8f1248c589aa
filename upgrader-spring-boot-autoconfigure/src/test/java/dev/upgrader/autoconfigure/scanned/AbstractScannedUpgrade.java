package dev.upgrader.autoconfigure.scanned;

import dev.upgrader.Upgrade;

/** Abstract, so scanning must skip it. */
public abstract class AbstractScannedUpgrade implements Upgrade {

	@Override
	public String info() {
		return "A scanned upgrade";
	}

}
