package dev.upgrader.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command-line options of the harnesses: {@code --name value} pairs, and the flag
 * {@code --quick}, which takes no value.
 */
public final class HarnessOptions {

	private HarnessOptions() {
	}

	/**
	 * Reads the options.
	 * @param args the command line
	 * @return each option's value by name; {@code quick} maps to an empty value
	 * @throws IllegalArgumentException on an argument that is not an option
	 */
	public static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument " + args[i]);
			}
			String name = args[i].substring(2);
			if (!name.equals("quick") && i + 1 == args.length) {
				throw new IllegalArgumentException("Option --" + name + " needs a value");
			}
			options.put(name, name.equals("quick") ? "" : args[++i]);
		}
		return options;
	}

}
