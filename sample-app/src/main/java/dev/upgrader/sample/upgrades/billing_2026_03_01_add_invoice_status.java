package dev.upgrader.sample.upgrades;

import java.util.List;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;

/** Invoices get a status. */
public class billing_2026_03_01_add_invoice_status implements Upgrade {

	@Override
	public List<String> dependsOn() {
		return List.of("billing_2026_02_20_create_invoices");
	}

	@Override
	public String info() {
		return "Add a status to invoices";
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc().execute("ALTER TABLE invoices ADD COLUMN status VARCHAR(16) DEFAULT 'open' NOT NULL");
	}

}
