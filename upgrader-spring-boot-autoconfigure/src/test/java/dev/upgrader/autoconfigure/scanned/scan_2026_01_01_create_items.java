package dev.upgrader.autoconfigure.scanned;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Found by scanning; takes a collaborator by constructor injection. */
public class scan_2026_01_01_create_items extends AbstractUpgrade {

	private final JdbcTemplate jdbc;

	public scan_2026_01_01_create_items(JdbcTemplate jdbc) {
		super("Create the items table");
		this.jdbc = jdbc;
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		this.jdbc.execute("CREATE TABLE scanned_items (id INT PRIMARY KEY)");
	}

}
