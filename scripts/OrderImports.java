import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Puts the imports of Java sources in the order the style gate's SpringImportOrder check wants
 * (src/checkstyle/checkstyle.xml): java, javax, others, then dev.upgrader with org.springframework,
 * then static imports; one blank line between groups, each sorted by name. Only the import block
 * changes, so a merge that mixed two orders is fixed by running this and then the formatter.
 * Usage, from the root: {@code java scripts/OrderImports.java [file or directory ...]} (default: .).
 */
public class OrderImports {

	private static final List<Predicate<String>> GROUPS = List.of((name) -> name.startsWith("java."),
			(name) -> name.startsWith("javax."),
			(name) -> !name.startsWith("dev.upgrader.") && !name.startsWith("org.springframework."), (name) -> true);

	private static final Comparator<String> BY_NAME = (left, right) -> Arrays.compare(left.split("\\."),
			right.split("\\."));

	public static void main(String[] args) throws IOException {
		List<String> roots = (args.length > 0) ? List.of(args) : List.of(".");
		for (String root : roots) {
			try (Stream<Path> paths = Files.walk(Path.of(root))) {
				paths.filter((path) -> path.toString().endsWith(".java"))
					.filter((path) -> !path.toString().contains("/target/"))
					.forEach(OrderImports::order);
			}
		}
	}

	private static void order(Path path) {
		try {
			String text = Files.readString(path);
			List<String> lines = new ArrayList<>(text.lines().toList());
			int first = -1;
			int last = -1;
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).startsWith("import ")) {
					first = (first < 0) ? i : first;
					last = i;
				}
			}
			if (first < 0) {
				return;
			}
			List<String> block = lines.subList(first, last + 1);
			if (block.stream().anyMatch((line) -> !line.isBlank() && !line.startsWith("import "))) {
				System.err.println("Skipped (something other than imports among them): " + path);
				return;
			}
			List<String> ordered = ordered(block.stream().filter((line) -> !line.isBlank()).toList());
			if (!ordered.equals(block)) {
				block.clear();
				block.addAll(ordered);
				Files.writeString(path, String.join("\n", lines) + "\n");
				System.out.println("Ordered the imports of " + path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> ordered(List<String> imports) {
		List<List<String>> groups = new ArrayList<>();
		for (int i = 0; i <= GROUPS.size(); i++) {
			groups.add(new ArrayList<>());
		}
		for (String line : imports) {
			String name = line.substring("import ".length(), line.indexOf(';')).trim();
			if (name.startsWith("static ")) {
				groups.get(GROUPS.size()).add(name);
				continue;
			}
			for (int i = 0; i < GROUPS.size(); i++) {
				if (GROUPS.get(i).test(name)) {
					groups.get(i).add(name);
					break;
				}
			}
		}
		List<String> result = new ArrayList<>();
		for (List<String> group : groups) {
			if (group.isEmpty()) {
				continue;
			}
			if (!result.isEmpty()) {
				result.add("");
			}
			group.stream()
				.distinct()
				.sorted((left, right) -> BY_NAME.compare(left.replace("static ", ""), right.replace("static ", "")))
				.forEach((name) -> result.add("import " + name + ";"));
		}
		return result;
	}

}
