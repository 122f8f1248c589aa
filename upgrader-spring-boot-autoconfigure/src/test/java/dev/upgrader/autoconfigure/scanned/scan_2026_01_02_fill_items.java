package dev.upgrader.autoconfigure.scanned;

import dev.upgrader.UpgradeContext;

/** Found by scanning although its base class is abstract. */
public class scan_2026_01_02_fill_items extends AbstractScannedUpgrade {

	public scan_2026_01_02_fill_items() {
		super("scan_2026_01_01_create_items");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().update("INSERT INTO scanned_items (id) VALUES (1)");
	}

}
