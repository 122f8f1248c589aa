package dev.upgrader.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.configurationprocessor.json.JSONArray;
import org.springframework.boot.configurationprocessor.json.JSONException;
import org.springframework.boot.configurationprocessor.json.JSONObject;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class UpgraderPropertiesTests {

	@Test
	void everyPropertyOfTheContractHasMetadataWithADescription() throws IOException, JSONException {
		JSONArray properties;
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			properties = new JSONObject(new String(json.readAllBytes(), StandardCharsets.UTF_8))
				.getJSONArray("properties");
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < properties.length(); i++) {
			JSONObject property = properties.getJSONObject(i);
			names.add(property.getString("name"));
			assertThat(property.optString("description")).as(property.getString("name")).isNotBlank();
		}
		assertThat(names).contains("upgrader.enabled", "upgrader.packages", "upgrader.auto-run",
				"upgrader.auto-run-phase", "upgrader.table", "upgrader.populate-on-database-created",
				"upgrader.lock.wait-timeout", "upgrader.mode", "upgrader.check.strict", "upgrader.upgrade-wait-timeout",
				"upgrader.sql-locations");
	}

	@Test
	void defaultsMatchTheDesign() {
		UpgraderProperties properties = new UpgraderProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getPackages()).isEmpty();
		assertThat(properties.isAutoRun()).isTrue();
		assertThat(properties.getAutoRunPhase()).isEqualTo(UpgraderProperties.AutoRunPhase.AUTO);
		assertThat(properties.getMode()).isEqualTo(UpgraderProperties.Mode.START);
		assertThat(properties.getTable()).isEqualTo("upgrader_log");
		assertThat(properties.isPopulateOnDatabaseCreated()).isTrue();
		assertThat(properties.getCheck().isStrict()).isFalse();
		assertThat(properties.getUpgradeWaitTimeout()).isEqualTo(java.time.Duration.ofMinutes(10));
		assertThat(properties.getSqlLocations()).containsExactly("classpath:db/upgrades");
	}

}
