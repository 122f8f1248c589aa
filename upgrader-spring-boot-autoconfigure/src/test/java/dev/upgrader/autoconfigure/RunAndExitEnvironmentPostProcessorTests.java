package dev.upgrader.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RunAndExitEnvironmentPostProcessorTests {

	private final RunAndExitEnvironmentPostProcessor postProcessor = new RunAndExitEnvironmentPostProcessor();

	@Test
	void oneShotModeMakesTheApplicationANonWebOne() {
		MockEnvironment environment = new MockEnvironment().withProperty("upgrader.mode", "run-and-exit")
			.withProperty("spring.main.web-application-type", "servlet");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void startModeLeavesTheApplicationTypeAlone() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

}
