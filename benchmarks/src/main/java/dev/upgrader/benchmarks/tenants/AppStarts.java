package dev.upgrader.benchmarks.tenants;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.upgrader.benchmarks.tenants.app.TenantsApplication;

/**
 * Starts {@link TenantsApplication} in a fresh JVM and reads its uptime at
 * {@code ApplicationReadyEvent}.
 */
final class AppStarts {

	private static final Pattern READY = Pattern.compile(TenantsApplication.READY + " ready-ms=(\\d+)");

	private final BenchDatabase database;

	private final String location;

	AppStarts(BenchDatabase database, String location) {
		this.database = database;
		this.location = location;
	}

	/**
	 * One start.
	 * @param url the application's DataSource URL
	 * @param extra further properties, such as the tenants
	 * @return the uptime at the ready event, in milliseconds
	 */
	long start(String url, List<String> extra) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), TenantsApplication.class.getName(),
						"--spring.main.banner-mode=off", "--spring.main.web-application-type=none",
						"--spring.datasource.url=" + url, "--spring.datasource.username=" + this.database.user(),
						"--spring.datasource.password=" + this.database.password(), "--spring.flyway.enabled=false",
						"--spring.liquibase.enabled=false", "--upgrader.sql-locations=" + this.location));
		command.addAll(extra);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> output = new ArrayList<>();
		long ready = -1;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				output.add(line);
				Matcher matcher = READY.matcher(line);
				if (matcher.find()) {
					ready = Long.parseLong(matcher.group(1));
				}
			}
		}
		int status = process.waitFor();
		if (status != 0 || ready < 0) {
			throw new IllegalStateException("The application failed to start (exit " + status + "):\n"
					+ String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size())));
		}
		return ready;
	}

}
