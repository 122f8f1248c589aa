package dev.upgrader.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app in its {@code web} profile, over HTTP: the start-up run applied every
 * upgrade, and the actuator reports it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:sample-http;DB_CLOSE_DELAY=-1")
@ActiveProfiles("web")
class SampleApplicationHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void upgraderEndpointReportsTheAppliedUpgradesAndTheGraph() throws Exception {
		JsonNode contexts = get("/actuator/upgrader").get("contexts");
		assertThat(contexts.propertyNames()).containsExactly("upgrader-sample");
		// Spring Boot's endpoint serialization leaves null fields out.
		assertThat(contexts.get("upgrader-sample").has("parentId")).as("no parent context").isFalse();
		JsonNode report = contexts.get("upgrader-sample").get("upgraderBeans").get("upgrader");
		// Rows written within the same millisecond are ordered by id, not by run order.
		assertThat(report.get("applied").valueStream().map((row) -> row.get("id").asString()))
			.containsExactlyInAnyOrder("shop_2026_01_10_create_products", "billing_2026_02_20_create_invoices",
					"billing_2026_03_01_add_invoice_status", "shop_2026_02_03_add_product_price",
					"shop_2026_03_15_seed_products", "shop_release_1_0_0", "billing_2026_04_08_add_invoice_due_date",
					"shop_2026_04_01_index_product_names");
		assertThat(report.get("pending").get("upgrades").isEmpty()).isTrue();
		assertThat(report.get("lock").has("holder")).as("the lock is free").isFalse();
		assertThat(report.get("failures").isEmpty()).isTrue();
		assertThat(report.get("graph").get("nodes").size()).isEqualTo(8);
		assertThat(report.get("graph").get("edges").size()).isEqualTo(9);
		assertThat(report.get("lastSuccess").isString()).isTrue();
	}

	@Test
	void healthIsUpWithTheUpgraderComponentAndReadinessAcceptsTraffic() throws Exception {
		JsonNode health = get("/actuator/health");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("upgrader").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("upgrader").get("details").get("pending").asInt()).isZero();
		assertThat(get("/actuator/health/readiness").get("status").asString()).isEqualTo("UP");
		assertThat(get("/actuator/health/liveness").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void upgraderMetersArePublished() throws Exception {
		JsonNode applied = get("/actuator/metrics/upgrader.upgrades.applied");
		assertThat(applied.get("measurements").get(0).get("value").asDouble()).isEqualTo(8.0);
		JsonNode pending = get("/actuator/metrics/upgrader.upgrades.pending");
		assertThat(pending.get("measurements").get(0).get("value").asDouble()).isZero();
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
