package dev.upgrader.integration.oneshot;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A web application started in its own process by the one-shot tests, with its own runner
 * that must not run in the one-shot mode.
 */
@SpringBootApplication
public class OneShotApplication {

	static final String OWN_RUNNER_RAN = "The application's own runner ran";

	@Bean
	CommandLineRunner ownRunner() {
		return (args) -> System.out.println(OWN_RUNNER_RAN);
	}

	public static void main(String[] args) {
		SpringApplication.run(OneShotApplication.class, args);
	}

}
