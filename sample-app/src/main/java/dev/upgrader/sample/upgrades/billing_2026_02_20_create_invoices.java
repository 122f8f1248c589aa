package dev.upgrader.sample.upgrades;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/**
 * The first upgrade of the billing repository; it depends on the shop's products table.
 */
public class billing_2026_02_20_create_invoices extends AbstractUpgrade {

	public billing_2026_02_20_create_invoices() {
		super("Create the invoices table", "shop_2026_01_10_create_products");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		context.jdbc()
			.execute("CREATE TABLE invoices (id BIGINT NOT NULL PRIMARY KEY, product_id BIGINT NOT NULL,"
					+ " amount_cents BIGINT NOT NULL, CONSTRAINT fk_invoices_product FOREIGN KEY (product_id)"
					+ " REFERENCES products (id))");
	}

}
