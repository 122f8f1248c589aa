package dev.upgrader.process;

import org.springframework.boot.SpringApplication;

/**
 * How the test applications run: start, let the upgrader runner do its work, then exit
 * with the context's exit code. The exit is explicit because a pool or server thread must
 * not keep a finished test process alive; a start-up failure exits with 1.
 */
final class ProcessMain {

	private ProcessMain() {
	}

	static void run(Class<?> application, String[] args) {
		int code;
		try {
			code = SpringApplication.exit(SpringApplication.run(application, args));
		}
		catch (Throwable ex) {
			// Spring Boot has already logged the failure analysis.
			code = 1;
		}
		System.exit(code);
	}

}
