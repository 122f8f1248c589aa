package dev.upgrader.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeGraphException;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading SQL upgrade files: the header, variants per database, checksums, and every bad
 * file reported with its name.
 */
class SqlUpgradeReaderTests {

	@TempDir
	Path folder;

	@Test
	void readsTheHeaderAndTheStatementsOfEveryFileInSubFolders() throws IOException {
		file("shop/2026/shop_2026_03_20_index_names.sql", """
				-- A plain comment line; not a header entry.
				-- depends-on: shop_2026_03_15_seed, billing_2026_03_01_add_status
				-- depends-on: shop_release_1_0_0
				-- info: Index products by name
				-- estimate: 5s

				CREATE INDEX products_name ON products (name);
				""");
		file("a_2026_01_01_first.sql", "-- info: First\n-- estimate: PT2M\nSELECT 1");

		List<Upgrade> upgrades = read("h2");

		assertThat(upgrades).extracting(Upgrade::id)
			.containsExactly("a_2026_01_01_first", "shop_2026_03_20_index_names");
		Upgrade index = upgrades.get(1);
		assertThat(index.dependsOn()).containsExactly("shop_2026_03_15_seed", "billing_2026_03_01_add_status",
				"shop_release_1_0_0");
		assertThat(index.info()).isEqualTo("Index products by name");
		assertThat(index.estimate()).isEqualTo(Duration.ofSeconds(5));
		assertThat(((SqlUpgrade) index).file()).isEqualTo(location() + "/shop/2026/shop_2026_03_20_index_names.sql");
		assertThat(((SqlUpgrade) index).statements())
			.containsExactly(new SqlStatement(1, 7, "CREATE INDEX products_name ON products (name)"));
		assertThat(upgrades.get(0).dependsOn()).isEmpty();
		assertThat(upgrades.get(0).estimate()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void aDatabaseVariantReplacesTheDefaultFileOnThatDatabaseOnly() throws IOException {
		file("v_2026_01_01_x.sql", "-- info: default\nSELECT 1");
		file("v_2026_01_01_x.postgresql.sql", "-- info: postgresql\nSELECT 2");
		file("v_2026_01_01_x.mysql.sql", "-- info: mysql\nSELECT 3");

		assertThat(read("h2")).extracting(Upgrade::info).containsExactly("default");
		assertThat(read("postgresql")).extracting(Upgrade::info).containsExactly("postgresql");
		assertThat(read("mysql")).extracting(Upgrade::info).containsExactly("mysql");
	}

	@Test
	void theChecksumIgnoresLineEndingsTrailingWhitespaceAndAByteOrderMarkOnly() throws IOException {
		String unix = "-- info: x\nINSERT INTO t VALUES ('a');\nINSERT INTO t VALUES ('b');\n";
		String checksum = checksumOf(unix);

		assertThat(checksum).hasSize(64).matches("[0-9a-f]+");
		assertThat(checksumOf(
				"\uFEFF-- info: x  \r\nINSERT INTO t VALUES ('a');\t\r\nINSERT INTO t VALUES ('b');\r\n\r\n"))
			.isEqualTo(checksum);
		assertThat(checksumOf(unix.replace("'b'", "'c'"))).isNotEqualTo(checksum);
		assertThat(checksumOf(unix.replace("-- info: x", "-- info: y"))).isNotEqualTo(checksum);
		assertThat(checksumOf(unix.replace("VALUES (", "VALUES  ("))).isNotEqualTo(checksum);
	}

	@Test
	void headerWithoutInfo() throws IOException {
		file("r_2026_01_01_a.sql", "-- depends-on:\nSELECT 1");
		assertProblems("SQL file " + location()
				+ "/r_2026_01_01_a.sql: the header lacks '-- info: <description>', which is required");
	}

	@Test
	void unknownHeaderKey() throws IOException {
		file("r_2026_01_01_a.sql", "-- info: x\n-- depend-on: r_2026_01_01_b\nSELECT 1");
		assertProblems("SQL file " + location() + "/r_2026_01_01_a.sql: line 2: unknown header key 'depend-on'"
				+ " (the header knows depends-on, info and estimate)");
	}

	@Test
	void badEstimateAndBadDependency() throws IOException {
		file("r_2026_01_01_a.sql", "-- info: x\n-- estimate: soon\nSELECT 1");
		file("r_2026_01_01_b.sql", "-- info: x\n-- depends-on: Users\nSELECT 1");
		assertProblems(
				"SQL file " + location() + "/r_2026_01_01_a.sql: line 2: estimate 'soon' is not a duration;"
						+ " write e.g. 500ms, 5s, 2m, 1h or PT5S",
				"SQL file " + location() + "/r_2026_01_01_b.sql: line 2: depends-on names an invalid id:"
						+ " Invalid upgrade id 'Users': expected <repository>_<yyyy>_<mm>_<dd>_<name> or"
						+ " <repository>_release_<x>_<y>_<z>");
	}

	@Test
	void malformedIdInAFileName() throws IOException {
		file("sub/CreateUsers.sql", "-- info: x\nSELECT 1");
		file("r_2026_01_01_a.b.c.sql", "-- info: x\nSELECT 1");
		assertProblems(
				"SQL file " + location() + "/r_2026_01_01_a.b.c.sql: the name is neither <id>.sql nor"
						+ " <id>.<database>.sql",
				"SQL file " + location() + "/sub/CreateUsers.sql: Invalid upgrade id 'CreateUsers': expected"
						+ " <repository>_<yyyy>_<mm>_<dd>_<name> or <repository>_release_<x>_<y>_<z>");
	}

	@Test
	void emptyFileAndFileWithoutStatements() throws IOException {
		file("r_2026_01_01_a.sql", "");
		file("r_2026_01_01_b.sql", "-- info: only a header\n/* and a comment; */\n");
		assertProblems(
				"SQL file " + location() + "/r_2026_01_01_a.sql: the file is empty; write its header and"
						+ " statements",
				"SQL file " + location() + "/r_2026_01_01_b.sql: the file has no SQL statement, only comments;"
						+ " write its statements");
	}

	@Test
	void variantForAnUnknownDatabase() throws IOException {
		file("r_2026_01_01_a.sql", "-- info: x\nSELECT 1");
		file("r_2026_01_01_a.oracle.sql", "-- info: x\nSELECT 1 FROM dual");
		assertProblems("SQL file " + location() + "/r_2026_01_01_a.oracle.sql: 'oracle' is not a database Upgrader"
				+ " knows; name the file r_2026_01_01_a.sql, or r_2026_01_01_a.<database>.sql with one of h2,"
				+ " postgresql, mysql");
	}

	@Test
	void variantsOnlyForOtherDatabases() throws IOException {
		file("r_2026_01_01_a.postgresql.sql", "-- info: x\nSELECT 1");
		assertProblems("SQL files of upgrade r_2026_01_01_a exist only for other databases (postgresql): add"
				+ " r_2026_01_01_a.sql, or r_2026_01_01_a.h2.sql for h2");
	}

	@Test
	void variantsWithDifferentDependencies() throws IOException {
		file("r_2026_01_02_a.sql", "-- info: x\n-- depends-on: r_2026_01_01_z\nSELECT 1");
		file("r_2026_01_02_a.mysql.sql", "-- info: x\nSELECT 1");
		assertProblems("SQL files of upgrade r_2026_01_02_a declare different depends-on: " + location()
				+ "/r_2026_01_02_a.sql [r_2026_01_01_z], " + location()
				+ "/r_2026_01_02_a.mysql.sql []; every database's variant must depend on the same upgrades");
	}

	@Test
	void theSameFileInTwoFolders() throws IOException {
		file("one/r_2026_01_01_a.sql", "-- info: x\nSELECT 1");
		file("two/r_2026_01_01_a.sql", "-- info: x\nSELECT 1");
		assertThatExceptionOfType(UpgradeGraphException.class).isThrownBy(() -> read("h2"))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.asString()
				.startsWith("SQL file " + location() + "/two/r_2026_01_01_a.sql: duplicate of " + location()
						+ "/one/r_2026_01_01_a.sql ("));
	}

	@Test
	void unterminatedLiteralsCommentsAndBodiesNameTheirLine() throws IOException {
		file("r_2026_01_01_a.sql", "-- info: x\nSELECT 1;\nINSERT INTO t VALUES ('open;\n);");
		file("r_2026_01_01_b.sql", "-- info: x\n/* never\nclosed; */ */ SELECT 1; /* again");
		file("r_2026_01_01_c.postgresql.sql", "-- info: x\nDO $body$ BEGIN END $$;");
		file("r_2026_01_01_c.sql", "-- info: x\nSELECT 1");
		file("r_2026_01_01_d.mysql.sql", "-- info: x\nDELIMITER\nSELECT 1");
		file("r_2026_01_01_d.sql", "-- info: x\nSELECT 1");
		assertProblems("SQL file " + location() + "/r_2026_01_01_a.sql: unterminated string literal starting at line 3",
				"SQL file " + location() + "/r_2026_01_01_b.sql: unterminated comment starting at line 3",
				"SQL file " + location()
						+ "/r_2026_01_01_c.postgresql.sql: unterminated dollar-quoted body $body$ starting at line 2",
				"SQL file " + location()
						+ "/r_2026_01_01_d.mysql.sql: line 2: 'DELIMITER' does not name one delimiter");
	}

	@Test
	void aLocationWithoutFilesGivesNoUpgrade() {
		assertThat(new SqlUpgradeReader(new PathMatchingResourcePatternResolver(), "h2")
			.read(List.of("classpath:db/no-such-folder", location() + "/missing"))).isEmpty();
	}

	private String checksumOf(String text) throws IOException {
		Path file = file("c_2026_01_01_sum.sql", text);
		try {
			return read("h2").get(0).checksum();
		}
		finally {
			Files.delete(file);
		}
	}

	private void assertProblems(String... problems) {
		assertThatExceptionOfType(UpgradeGraphException.class).isThrownBy(() -> read("h2"))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(problems));
	}

	private List<Upgrade> read(String database) {
		return new SqlUpgradeReader(new PathMatchingResourcePatternResolver(), database).read(List.of(location()));
	}

	private String location() {
		return this.folder.toUri().toString().replaceAll("/$", "");
	}

	private Path file(String name, String content) throws IOException {
		Path file = this.folder.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
