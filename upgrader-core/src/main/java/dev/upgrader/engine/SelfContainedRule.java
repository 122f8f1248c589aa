package dev.upgrader.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.upgrader.CheckReport;
import dev.upgrader.CheckReport.Rule;
import org.springframework.util.ClassUtils;

/**
 * Rule 1: an upgrade is self-contained. Its class, and the classes of its own package (or
 * below) that it uses in turn, such as nested classes and helpers, must not use classes
 * of the application packages outside that package: their API will have changed when the
 * upgrade runs on a database years from now. Read from the bytecode; classes whose class
 * file cannot be read are skipped. Each class is read once per rule.
 */
final class SelfContainedRule implements UpgradeRule {

	private final List<String> applicationPackages;

	// A loaded class's bytecode never changes, and the endpoint asks on every request.
	private final ClassValue<Set<String>> applicationClassesUsed = new ClassValue<>() {

		@Override
		protected Set<String> computeValue(Class<?> type) {
			return Collections.unmodifiableSet(applicationClassesUsedBy(type));
		}

	};

	/**
	 * Creates the rule.
	 * @param applicationPackages the packages of the application's code; none switches
	 * the rule off
	 */
	SelfContainedRule(List<String> applicationPackages) {
		this.applicationPackages = List.copyOf(applicationPackages);
	}

	@Override
	public List<CheckReport.Warning> check(UpgradeGraph graph) {
		List<CheckReport.Warning> warnings = new ArrayList<>();
		if (this.applicationPackages.isEmpty()) {
			return warnings;
		}
		graph.nodes().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach((node) -> {
			Class<?> type = ClassUtils.getUserClass(node.upgrade());
			Set<String> used = this.applicationClassesUsed.get(type);
			if (!used.isEmpty()) {
				warnings.add(new CheckReport.Warning(Rule.SELF_CONTAINED,
						"Upgrade " + node.id() + " (class " + type.getName() + ") uses application code outside its"
								+ " package " + type.getPackageName() + ": " + String.join(", ", used)
								+ "; copy what it needs into the upgrade, as that code will have changed when the"
								+ " upgrade runs"));
			}
		});
		return warnings;
	}

	private Set<String> applicationClassesUsedBy(Class<?> type) {
		String ownPackage = type.getPackageName();
		Set<String> used = new TreeSet<>();
		Set<String> seen = new HashSet<>(List.of(type.getName()));
		Deque<String> toRead = new ArrayDeque<>(seen);
		while (!toRead.isEmpty()) {
			Set<String> references = ClassReferences.of(toRead.pop(), type.getClassLoader());
			if (references == null) {
				continue;
			}
			for (String reference : references) {
				String referencePackage = ClassUtils.getPackageName(reference);
				if (isWithin(referencePackage, ownPackage)) {
					if (seen.add(reference)) {
						toRead.push(reference);
					}
				}
				else if (this.applicationPackages.stream().anyMatch((root) -> isWithin(referencePackage, root))) {
					used.add(reference);
				}
			}
		}
		return used;
	}

	private static boolean isWithin(String packageName, String root) {
		return packageName.equals(root) || packageName.startsWith(root + ".");
	}

}
