package dev.upgrader.autoconfigure.scanned;

import java.util.List;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Found by scanning; takes a collaborator by constructor injection. */
public class scan_2026_01_01_create_items implements Upgrade {

	private final JdbcTemplate jdbc;

	public scan_2026_01_01_create_items(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> dependsOn() {
		return List.of();
	}

	@Override
	public String info() {
		return "Create the items table";
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
		this.jdbc.execute("CREATE TABLE scanned_items (id INT PRIMARY KEY)");
	}

}
