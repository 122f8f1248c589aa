package dev.upgrader.rulebreaking;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * An application like the sample whose upgrades break every rule for writing upgrades
 * that {@code upgrader check} reports on. Outside the sample's package, so that the
 * sample does not scan it; its upgrades are all Java, so it reads none of the sample's
 * SQL upgrades (on the same class path under {@code db/upgrades}).
 */
@SpringBootApplication
public class RuleBreakingApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(RuleBreakingApplication.class)
			.properties("spring.shell.interactive.enabled=" + (args.length == 0),
					"upgrader.sql-locations=classpath:db/rulebreaking")
			.run(args);
	}

}
