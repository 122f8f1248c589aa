package dev.upgrader.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;
import dev.upgrader.UpgradeGraphException;
import dev.upgrader.Upgrader;
import dev.upgrader.UpgraderInfo;
import dev.upgrader.engine.SqlUpgradeReader;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link UpgraderCreateCommands}: the generated sources are compiled, loaded
 * and handed to the engine's graph, as in Invenio-Upgrader's recipe tests (cases 7 to
 * 12).
 */
class UpgraderCreateCommandsTests {

	// shop_2026_01_10_a ──> shop_2026_01_11_b billing_2026_02_01_x
	private final TestUpgrade a = TestUpgrade.of("shop_2026_01_10_a");

	private final TestUpgrade b = TestUpgrade.of("shop_2026_01_11_b", "shop_2026_01_10_a");

	private final TestUpgrade x = TestUpgrade.of("billing_2026_02_01_x");

	@TempDir
	Path sources;

	@TempDir
	Path classes;

	@Test
	void createRecipeWritesAnUpgradeWithTheGivenDependencies() throws Exception {
		ShellFixture.runner().run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context,
					"upgrader create recipe --package com.example.mymod"
							+ " --depends-on shop_2026_01_10_a,shop_2026_01_11_b --output " + this.sources);
			Path file = this.sources.resolve("mymod_2026_04_01_rename_me.java");
			assertThat(outcome.output()).contains("Created new upgrade " + file);
			Upgrade upgrade = GeneratedUpgrades.compileAndLoad(file, "com.example.mymod.mymod_2026_04_01_rename_me",
					this.classes);
			assertThat(upgrade).isInstanceOf(AbstractUpgrade.class);
			assertThat(upgrade.id()).isEqualTo("mymod_2026_04_01_rename_me");
			assertThat(upgrade.dependsOn()).containsExactly("shop_2026_01_10_a", "shop_2026_01_11_b");
			assertThat(upgrade.estimate()).isEqualTo(Duration.ofSeconds(1));
			assertThat(upgrade.info()).isNotBlank();
			UpgradeContext upgradeContext = mock(UpgradeContext.class);
			upgrade.preUpgrade(upgradeContext);
			upgrade.doUpgrade(upgradeContext);
			upgrade.postUpgrade(upgradeContext);
			assertThat(Files.readString(file)).contains("Please verify")
				.contains("super(\"TODO describe mymod_2026_04_01_rename_me in one line\", \"shop_2026_01_10_a\","
						+ " \"shop_2026_01_11_b\");")
				.doesNotContainPattern("import (?!java\\.|dev\\.upgrader\\.)");
		});
	}

	@Test
	void createRecipeIsLoadedByTheEngineWithItsIdAndRepository() throws Exception {
		ShellFixture.runner().run((context) -> {
			ShellFixture.execute(context,
					"upgrader create recipe --package com.example.invenio_upgrader_test --output " + this.sources);
			String id = "invenio_upgrader_test_2026_04_01_rename_me";
			Upgrade upgrade = GeneratedUpgrades.compileAndLoad(this.sources.resolve(id + ".java"),
					"com.example.invenio_upgrader_test." + id, this.classes);
			UpgraderInfo info = info(upgrade);
			assertThat(info.problems()).isEmpty();
			assertThat(info.nodes()).singleElement().satisfies((node) -> {
				assertThat(node.id()).isEqualTo(id);
				assertThat(node.repository()).isEqualTo("invenio_upgrader_test");
				assertThat(node.dependsOn()).isEmpty();
			});
		});
	}

	@Test
	void createRecipeDependsOnTheRepositorysCurrentLeavesByDefault() throws Exception {
		ShellFixture.runner(this.a, this.b, this.x).run((context) -> {
			ShellFixture.execute(context,
					"upgrader create recipe --package com.example.shop --name add_stock --output " + this.sources);
			Upgrade upgrade = GeneratedUpgrades.compileAndLoad(this.sources.resolve("shop_2026_04_01_add_stock.java"),
					"com.example.shop.shop_2026_04_01_add_stock", this.classes);
			assertThat(upgrade.dependsOn()).containsExactly("shop_2026_01_11_b");
			assertThat(info(this.a, this.b, this.x, upgrade).problems()).isEmpty();
		});
	}

	@Test
	void createRecipeWritesIntoThePackageUnderSrcMainJavaByDefault() {
		ShellFixture.runner().run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context,
					"upgrader create recipe --package com.example.nowhere");
			assertThat(outcome.failure()).hasMessageStartingWith(
					"Path does not exist: " + Path.of("src", "main", "java", "com", "example", "nowhere"));
		});
	}

	@Test
	void createRecipeTwiceFailsUnlessOverwriteIsGiven() {
		ShellFixture.runner().run((context) -> {
			String command = "upgrader create recipe --package com.example.mymod --output " + this.sources;
			assertThat(ShellFixture.execute(context, command).failure()).isNull();
			assertThat(ShellFixture.execute(context, command).failure()).isInstanceOf(UpgraderCommandException.class)
				.hasMessageContaining("mymod_2026_04_01_rename_me.java already exists. Use --overwrite");
			assertThat(
					ShellFixture
						.execute(context,
								"upgrader create recipe --overwrite --package com.example.mymod" + " --output "
										+ this.sources)
						.failure())
				.isNull();
			assertThat(ShellFixture.execute(context, command + " --overwrite").failure()).isNull();
		});
	}

	@Test
	void createRecipeIntoAMissingDirectoryFails() {
		ShellFixture.runner().run((context) -> {
			Path missing = this.sources.resolve("missing");
			ShellFixture.Outcome outcome = ShellFixture.execute(context,
					"upgrader create recipe --package com.example.mymod --output " + missing);
			assertThat(outcome.failure()).hasMessageStartingWith("Path does not exist: " + missing);
			assertThat(missing).doesNotExist();
		});
	}

	@Test
	void createRecipeRefusesAnIdWhoseRepositoryDoesNotParseBack() {
		ShellFixture.runner().run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context,
					"upgrader create recipe --package com.example.mymod --name x_2020_01_01_y --output "
							+ this.sources);
			assertThat(outcome.failure()).hasMessageContaining("Generated repository name cannot be parsed")
				.hasMessageContaining("'mymod_2026_04_01_x', not 'mymod'");
			assertThat(this.sources).isEmptyDirectory();
		});
	}

	@Test
	void createRecipeRefusesAnInvalidIdOrPackage() {
		ShellFixture.runner().run((context) -> {
			assertThat(
					ShellFixture
						.execute(context,
								"upgrader create recipe --package com.example.mymod --name bad-name --output "
										+ this.sources)
						.failure())
				.hasMessageContaining("Invalid upgrade id 'mymod_2026_04_01_bad-name'");
			assertThat(ShellFixture
				.execute(context, "upgrader create recipe --package com.1example --output " + this.sources)
				.failure()).hasMessage("'com.1example' is not a Java package name.");
			assertThat(
					ShellFixture
						.execute(context,
								"upgrader create recipe --package com.example.mymod --depends-on nope --output "
										+ this.sources)
						.failure())
				.hasMessageContaining("Cannot depend on an invalid id");
			assertThat(this.sources).isEmptyDirectory();
		});
	}

	@Test
	void createRecipeWithoutPackageFails() {
		ShellFixture.runner()
			.run((context) -> assertThat(
					ShellFixture.execute(context, "upgrader create recipe --output " + this.sources).failure())
				.hasMessage("Required option '--package' is missing."));
	}

	@Test
	void createReleaseDependsOnExactlyTheLeavesOfEveryRepository() throws Exception {
		ShellFixture.runner(this.a, this.b, this.x).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context,
					"upgrader create release --package com.example --repository invenio --version 1.2.0 --output "
							+ this.sources);
			assertThat(outcome.failure()).isNull();
			Upgrade release = GeneratedUpgrades.compileAndLoad(this.sources.resolve("invenio_release_1_2_0.java"),
					"com.example.invenio_release_1_2_0", this.classes);
			assertThat(release.dependsOn()).containsExactly("billing_2026_02_01_x", "shop_2026_01_11_b");
			UpgraderInfo info = info(this.a, this.b, this.x, release);
			assertThat(info.problems()).isEmpty();
			assertThat(info.node("invenio_release_1_2_0")).hasValueSatisfying((node) -> {
				assertThat(node.release()).isTrue();
				assertThat(node.repository()).isEqualTo("invenio");
			});
			assertThat(info.leavesByRepository()).containsOnlyKeys("invenio");
		});
	}

	@Test
	void createRefusesAnIdTheCodeAlreadyHas() {
		TestUpgrade release = TestUpgrade.of("shop_release_1_0_0", "shop_2026_01_11_b");
		TestUpgrade today = TestUpgrade.of("shop_2026_04_01_rename_me", "shop_release_1_0_0");
		ShellFixture.runner(this.a, this.b, release, today).run((context) -> {
			assertThat(ShellFixture
				.execute(context,
						"upgrader create release --package com.example --repository shop" + " --version 1.0.0 --output "
								+ this.sources)
				.failure())
				.hasMessage("Upgrade shop_release_1_0_0 already exists in the code. Choose another --version.");
			assertThat(ShellFixture
				.execute(context, "upgrader create recipe --package com.example.shop --output " + this.sources)
				.failure())
				.hasMessage("Upgrade shop_2026_04_01_rename_me already exists in the code. Choose another --name.");
			assertThat(this.sources).isEmptyDirectory();
		});
	}

	@Test
	void createReleaseWithoutUpgradesFails() {
		ShellFixture.runner()
			.run((context) -> assertThat(ShellFixture
				.execute(context,
						"upgrader create release --package com.example --repository shop --version 1.0.0 --output "
								+ this.sources)
				.failure()).hasMessageStartingWith("No upgrades found"));
	}

	@Test
	void createReleaseRefusesAMalformedVersion() {
		ShellFixture.runner(this.a)
			.run((context) -> assertThat(ShellFixture
				.execute(context,
						"upgrader create release --package com.example --repository shop --version 1.0 --output "
								+ this.sources)
				.failure()).hasMessage("Version '1.0' is not of the form x.y.z, e.g. 1.2.0."));
	}

	/** What the engine makes of these upgrades, on a fresh database. */
	@Test
	void createRecipeWithSqlWritesAnSqlFileThatTheEngineReadsOnceItHasStatements() throws Exception {
		ShellFixture.runner(this.a, this.b, this.x).run((context) -> {
			ShellFixture.Outcome outcome = ShellFixture.execute(context,
					"upgrader create recipe --sql --repository shop --name add_stock --output " + this.sources);
			Path file = this.sources.resolve("shop_2026_04_01_add_stock.sql");
			assertThat(outcome.output()).contains("Created new SQL upgrade " + file);
			assertThat(Files.readString(file)).contains("-- The current leaves of repository 'shop'.",
					"-- depends-on: shop_2026_01_11_b\n",
					"-- info: TODO describe shop_2026_04_01_add_stock in one line", "-- estimate: 1s",
					"shop_2026_04_01_add_stock.<database>.sql");
			String location = this.sources.toUri().toString();
			SqlUpgradeReader reader = new SqlUpgradeReader(new PathMatchingResourcePatternResolver(), "h2");
			assertThatExceptionOfType(UpgradeGraphException.class).isThrownBy(() -> reader.read(List.of(location)))
				.withMessageContaining("shop_2026_04_01_add_stock.sql: the file has no SQL statement");

			Files.writeString(file, "ALTER TABLE products ADD COLUMN stock INT;\n", StandardOpenOption.APPEND);
			Upgrade upgrade = reader.read(List.of(location)).get(0);
			assertThat(upgrade.id()).isEqualTo("shop_2026_04_01_add_stock");
			assertThat(upgrade.dependsOn()).containsExactly("shop_2026_01_11_b");
			assertThat(upgrade.estimate()).isEqualTo(Duration.ofSeconds(1));
			assertThat(info(this.a, this.b, this.x, upgrade).problems()).isEmpty();
		});
	}

	@Test
	void createRecipeWithSqlNeedsARepositoryAndWritesUnderSrcMainResourcesByDefault() {
		ShellFixture.runner().run((context) -> {
			assertThat(ShellFixture.execute(context, "upgrader create recipe --sql").failure())
				.hasMessage("Give --repository (or --package) for the new SQL upgrade.");
			assertThat(ShellFixture.execute(context, "upgrader create recipe --name x").failure())
				.hasMessage("Required option '--package' is missing.");
			assertThat(ShellFixture.execute(context, "upgrader create recipe --sql --repository shop").failure())
				.hasMessageStartingWith(
						"Path does not exist: " + Path.of("src", "main", "resources", "db", "upgrades"));
		});
	}

	private static UpgraderInfo info(Upgrade... upgrades) {
		AtomicReference<UpgraderInfo> info = new AtomicReference<>();
		ShellFixture.runner(upgrades).run((context) -> info.set(context.getBean(Upgrader.class).info()));
		return info.get();
	}

}
