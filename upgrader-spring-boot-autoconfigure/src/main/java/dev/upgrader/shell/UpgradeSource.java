package dev.upgrader.shell;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Java source of a new upgrade class, built on {@code AbstractUpgrade}. It imports
 * only {@code dev.upgrader}, so it compiles in any application using the starter; the
 * optional hooks are written as comments to be enabled when needed.
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

			import dev.upgrader.AbstractUpgrade;
			import dev.upgrader.UpgradeContext;

			/**
			 * %2$s
			 */
			public class %3$s extends AbstractUpgrade {

				public %3$s() {
					// %4$s
					// Please verify that this upgrade really depends on these and on nothing else.
					super("%2$s"%5$s);
				}

				@Override
				public void doUpgrade(UpgradeContext context) throws Exception {
					// The work, e.g. context.jdbc().execute("ALTER TABLE ...");
				}

				// Optional; enable what you need:
				//
				// An estimate other than the default 1 s, summed into the run's estimate, goes
				// after the info: super("...", java.time.Duration.ofMinutes(5), "dependency_id");
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
		String dependencies = this.dependsOn.stream().map((id) -> ", \"" + id + "\"").collect(Collectors.joining());
		return TEMPLATE.formatted(this.packageName, this.info.replace("\\", "\\\\").replace("\"", "\\\""), this.id,
				this.dependsOnNote, dependencies);
	}

}
