package dev.upgrader.sample.upgrades;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Invoices get a status. */
public class billing_2026_03_01_add_invoice_status extends AbstractUpgrade {

	public billing_2026_03_01_add_invoice_status() {
		super("Add a status to invoices", "billing_2026_02_20_create_invoices");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("ALTER TABLE invoices ADD COLUMN status VARCHAR(16) DEFAULT 'open' NOT NULL");
	}

}
