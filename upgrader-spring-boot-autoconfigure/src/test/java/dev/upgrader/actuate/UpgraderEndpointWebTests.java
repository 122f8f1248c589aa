package dev.upgrader.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.upgrader.Upgrader;
import dev.upgrader.testsupport.TestApplications;
import dev.upgrader.testsupport.TestUpgrade;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code upgrader} endpoint over HTTP, in a web application on a random port: its
 * write operation is refused unless its access is raised, and runs the pending upgrades
 * when it is.
 */
class UpgraderEndpointWebTests {

	private static final String SETTINGS = "spring.datasource.generate-unique-name=true";

	private static HttpResponse<String> send(int port, String method) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/upgrader"))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Nested
	@SpringBootTest(classes = WebApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { SETTINGS, TestApplications.WITHOUT_SHELL, "upgrader.auto-run=false",
					"management.endpoints.web.exposure.include=upgrader,health",
					"management.endpoint.health.show-details=always" })
	class ReadOnlyByDefault {

		@LocalServerPort
		int port;

		@Autowired
		Upgrader upgrader;

		@Test
		void postIsRefusedAndRunsNothing() throws Exception {
			HttpResponse<String> response = send(this.port, "POST");
			assertThat(response.statusCode()).isEqualTo(405);
			assertThat(this.upgrader.pending()).hasSize(2);
		}

		@Test
		void getReportsTheUpgraderBeanByContext() throws Exception {
			HttpResponse<String> response = send(this.port, "GET");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).startsWith("{\"contexts\":{")
				.contains("\"upgraderBeans\":{\"upgrader\":{\"applied\":[],\"pending\":{\"upgrades\":[{\"id\":"
						+ "\"shop_2026_01_01_one\"");
		}

		@Test
		void healthIsUpWithThePendingUpgrades() throws Exception {
			HttpResponse<String> response = get(this.port, "/actuator/health/upgrader");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"", "\"pending\":2");
		}

	}

	@Nested
	@SpringBootTest(classes = WebApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { SETTINGS, TestApplications.WITHOUT_SHELL, "upgrader.auto-run=false",
					"management.endpoints.web.exposure.include=upgrader",
					"management.endpoint.upgrader.access=unrestricted" })
	class UnrestrictedAccess {

		@LocalServerPort
		int port;

		@Autowired
		Upgrader upgrader;

		@Test
		void postRunsThePendingUpgrades() throws Exception {
			assertThat(this.upgrader.pending()).hasSize(2);
			HttpResponse<String> response = send(this.port, "POST");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"applied\":[\"shop_2026_01_01_one\",\"shop_2026_01_02_two\"]",
					"\"tookMillis\":");
			assertThat(this.upgrader.pending()).isEmpty();
			assertThat(this.upgrader.applied()).hasSize(2);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebApplication {

		@Bean
		TestUpgrade one() {
			return TestUpgrade.of("shop_2026_01_01_one");
		}

		@Bean
		TestUpgrade two() {
			return TestUpgrade.of("shop_2026_01_02_two", "shop_2026_01_01_one");
		}

	}

}
