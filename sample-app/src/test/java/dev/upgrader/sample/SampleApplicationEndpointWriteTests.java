package dev.upgrader.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.upgrader.Upgrader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code upgrader} endpoint's write operation over HTTP, in the sample app's
 * {@code web} profile with auto-run off: refused unless the endpoint's access is raised,
 * it runs the pending upgrades when it is.
 */
class SampleApplicationEndpointWriteTests {

	private static final String[] EIGHT_UPGRADES = { "shop_2026_01_10_create_products",
			"billing_2026_02_20_create_invoices", "billing_2026_03_01_add_invoice_status",
			"shop_2026_02_03_add_product_price", "shop_2026_03_15_seed_products", "shop_release_1_0_0",
			"billing_2026_04_08_add_invoice_due_date", "shop_2026_04_01_index_product_names" };

	private static HttpResponse<String> send(int port, String method, String path)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:endpoint-read-only;DB_CLOSE_DELAY=-1",
					"upgrader.auto-run=false" })
	@ActiveProfiles("web")
	class ReadOnlyByDefault {

		@LocalServerPort
		int port;

		@Autowired
		Upgrader upgrader;

		@Test
		void postIsRefusedAndRunsNothing() throws Exception {
			HttpResponse<String> response = send(this.port, "POST", "/actuator/upgrader");
			assertThat(response.statusCode()).isEqualTo(405);
			assertThat(this.upgrader.pending()).hasSize(8);
		}

		@Test
		void healthIsUpWithThePendingUpgradesInTheDetails() throws Exception {
			HttpResponse<String> response = send(this.port, "GET", "/actuator/health/upgrader");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"", "\"pending\":8");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:endpoint-unrestricted;DB_CLOSE_DELAY=-1",
					"upgrader.auto-run=false", "management.endpoint.upgrader.access=unrestricted" })
	@ActiveProfiles("web")
	class UnrestrictedAccess {

		@LocalServerPort
		int port;

		@Autowired
		Upgrader upgrader;

		@Test
		void postRunsThePendingUpgrades() throws Exception {
			assertThat(this.upgrader.pending()).hasSize(8);
			HttpResponse<String> response = send(this.port, "POST", "/actuator/upgrader");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"applied\":[\"" + String.join("\",\"", EIGHT_UPGRADES) + "\"]",
					"\"tookMillis\":");
			assertThat(this.upgrader.pending()).isEmpty();
			assertThat(this.upgrader.applied()).hasSize(8);
			assertThat(send(this.port, "POST", "/actuator/upgrader/other").statusCode()).isEqualTo(400);
		}

	}

}
