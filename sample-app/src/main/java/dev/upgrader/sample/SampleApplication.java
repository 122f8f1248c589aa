package dev.upgrader.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A small shop whose schema is created and evolved by upgrades in two repositories,
 * {@code shop} and {@code billing}.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		// With arguments the shell runs them as one command and exits; without, it
		// prompts.
		new SpringApplicationBuilder(SampleApplication.class)
			.properties("spring.shell.interactive.enabled=" + (args.length == 0))
			.run(args);
	}

}
