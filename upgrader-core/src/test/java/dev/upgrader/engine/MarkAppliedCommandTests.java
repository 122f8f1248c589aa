package dev.upgrader.engine;

import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.upgrader.AppliedUpgrade;
import dev.upgrader.PendingUpgrade;
import dev.upgrader.RunOptions;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgraderException;
import dev.upgrader.testsupport.TestDatabase;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MarkAppliedCommand}: what it refuses and why.
 */
class MarkAppliedCommandTests {

	// r_2026_01_01_base ──> r_2026_01_02_middle ──> r_2026_01_03_top
	private final List<Upgrade> upgrades = List.of(TestUpgrade.of("r_2026_01_01_base"),
			TestUpgrade.of("r_2026_01_02_middle", "r_2026_01_01_base"),
			TestUpgrade.of("r_2026_01_03_top", "r_2026_01_02_middle"));

	private final HikariDataSource dataSource = TestDatabase.H2.dataSource();

	private final UpgradeEngine engine = engine();

	@AfterEach
	void close() {
		this.dataSource.close();
	}

	@Test
	void anUpgradeWhoseDependenciesArePendingIsRefusedNamingThem() {
		assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> this.engine.markApplied("r_2026_01_03_top"))
			.withMessageStartingWith("Cannot mark r_2026_01_03_top applied: it depends on 2 upgrade(s) not applied yet:"
					+ " r_2026_01_01_base, r_2026_01_02_middle.")
			.withMessageContaining("would drop them from the plan");
		assertThat(this.engine.applied()).isEmpty();
		assertThat(this.engine.pending()).extracting(PendingUpgrade::id)
			.containsExactly("r_2026_01_01_base", "r_2026_01_02_middle", "r_2026_01_03_top");
	}

	@Test
	void anUpgradeWhoseDependenciesAreAppliedIsRecorded() {
		this.engine.markApplied("r_2026_01_01_base");
		this.engine.markApplied("r_2026_01_02_middle");
		assertThat(this.engine.applied()).extracting(AppliedUpgrade::id)
			.containsExactly("r_2026_01_01_base", "r_2026_01_02_middle");
		assertThat(this.engine.run(RunOptions.unattended()).applied()).containsExactly("r_2026_01_03_top");
	}

	@Test
	void aMissingIdIsRefusedAskingForIt() {
		for (String id : new String[] { null, "", "  " }) {
			assertThatExceptionOfType(UpgraderException.class).isThrownBy(() -> this.engine.markApplied(id))
				.withMessage("Give the id of the upgrade to mark applied");
		}
	}

	private UpgradeEngine engine() {
		DatabaseDialect dialect = DatabaseDialect.detect(this.dataSource);
		String table = TestDatabase.uniqueName("mark");
		return new UpgradeEngine(this.dataSource, dialect, () -> this.upgrades,
				new JdbcUpgradeLog(new JdbcTemplate(this.dataSource), table, dialect),
				dialect.lock(this.dataSource, table, Duration.ofSeconds(5)), List.of());
	}

}
