package dev.upgrader.shell;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Java source of a new upgrade class. It imports only {@code dev.upgrader} and
 * {@code java.*}, so it compiles in any application using the starter; the optional hooks
 * are written as comments to be enabled when needed.
 *
 * @param packageName the package of the class
 * @param id the upgrade id, which is also the class name
 * @param info the first line of {@code info()}
 * @param dependsOn the ids it depends on
 * @param dependsOnNote why these dependencies were chosen, written above them for the
 * author to verify
 */
record UpgradeSource(String packageName, String id, String info, List<String> dependsOn, String dependsOnNote) {

	private static final String TEMPLATE = """
			package %1$s;

			import java.util.List;

			import dev.upgrader.Upgrade;
			import dev.upgrader.UpgradeContext;

			/**
			 * %2$s
			 */
			public class %3$s implements Upgrade {

				@Override
				public List<String> dependsOn() {
					// %4$s
					// Please verify that this upgrade really depends on these and on nothing else.
					return List.of(%5$s);
				}

				@Override
				public String info() {
					return "%2$s";
				}

				@Override
				public void doUpgrade(UpgradeContext context) throws Exception {
					// The work, e.g. context.jdbc().execute("ALTER TABLE ...");
				}

				// Optional hooks; enable the ones you need:
				//
				// @Override
				// public java.time.Duration estimate() { // summed into the run's estimate (default 1 s)
				// 	return java.time.Duration.ofSeconds(1);
				// }
				//
				// @Override
				// public void preUpgrade(UpgradeContext context) throws Exception { // throwing vetoes the whole run
				// }
				//
				// @Override
				// public void postUpgrade(UpgradeContext context) throws Exception { // runs after every upgrade of the run
				// 	context.warn("Something the operator should check");
				// }

			}
			""";

	/**
	 * Renders the source.
	 * @return the content of {@code upgrade_id.java}
	 */
	String render() {
		String dependencies = this.dependsOn.stream().map((id) -> "\"" + id + "\"").collect(Collectors.joining(", "));
		return TEMPLATE.formatted(this.packageName, this.info.replace("\\", "\\\\").replace("\"", "\\\""), this.id,
				this.dependsOnNote, dependencies);
	}

}
