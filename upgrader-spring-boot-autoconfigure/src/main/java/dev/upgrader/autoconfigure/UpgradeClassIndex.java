package dev.upgrader.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The build-time indexes of upgrade classes ({@code META-INF/upgrader/upgrades}, written
 * by {@code dev.upgrader.index.UpgradeIndexProcessor}), by class path root.
 * <p>
 * A package is answered from the indexes only when every class path root that holds it is
 * a jar with an index: a jar is the output of a whole build, whereas a class directory
 * may hold classes compiled since the index was written (an IDE's incremental build). Any
 * other package is left to the scan.
 */
final class UpgradeClassIndex {

	static final String LOCATION = "META-INF/upgrader/upgrades";

	private static final Pattern BOOT_INF_CLASSES = Pattern.compile("jar:nested:(.+)/!BOOT-INF/classes/!/");

	private final ClassLoader classLoader;

	private final Map<String, List<Entry>> byRoot;

	private UpgradeClassIndex(ClassLoader classLoader, Map<String, List<Entry>> byRoot) {
		this.classLoader = classLoader;
		this.byRoot = byRoot;
	}

	/**
	 * Reads every index the class loader sees.
	 * @param beanClassLoader the bean factory's class loader, or {@code null} for the
	 * default one
	 */
	static UpgradeClassIndex load(@Nullable ClassLoader beanClassLoader) {
		ClassLoader classLoader = (beanClassLoader != null) ? beanClassLoader : ClassUtils.getDefaultClassLoader();
		Map<String, List<Entry>> byRoot = new HashMap<>();
		if (classLoader == null) {
			return new UpgradeClassIndex(UpgradeClassIndex.class.getClassLoader(), byRoot);
		}
		try {
			Enumeration<URL> indexes = classLoader.getResources(LOCATION);
			while (indexes.hasMoreElements()) {
				URL index = indexes.nextElement();
				String url = index.toString();
				byRoot.put(url.substring(0, url.length() - LOCATION.length()), read(index));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
		return new UpgradeClassIndex(classLoader, byRoot);
	}

	private static List<Entry> read(URL index) throws IOException {
		List<Entry> entries = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				int space = line.indexOf(' ');
				if (!line.startsWith("#") && space > 0) {
					entries.add(new Entry(line.substring(space + 1).trim(), line.substring(0, space).equals("plain")));
				}
			}
		}
		return entries;
	}

	/**
	 * The indexed upgrade classes in a package and its sub-packages.
	 * @param basePackage a package name, placeholders resolved
	 * @return the classes, or {@code null} when the package has to be scanned
	 */
	@Nullable List<Entry> find(String basePackage) {
		if (this.byRoot.isEmpty() || basePackage.isEmpty() || basePackage.matches(".*[*?{}].*")) {
			return null;
		}
		String path = basePackage.replace('.', '/') + "/";
		List<Entry> found = new ArrayList<>();
		try {
			Enumeration<URL> roots = this.classLoader.getResources(path);
			while (roots.hasMoreElements()) {
				List<Entry> indexed = indexOfJar(roots.nextElement().toString(), path);
				if (indexed == null) {
					return null;
				}
				indexed.stream().filter((entry) -> entry.className().startsWith(basePackage + ".")).forEach(found::add);
			}
		}
		catch (IOException ex) {
			return null;
		}
		return found;
	}

	private @Nullable List<Entry> indexOfJar(String url, String path) {
		if (!url.startsWith("jar:") || !url.endsWith(path)) {
			return null;
		}
		String root = url.substring(0, url.length() - path.length());
		List<Entry> indexed = this.byRoot.get(root);
		return (indexed != null) ? indexed : this.byRoot.get(fatJarRoot(root));
	}

	/**
	 * Spring Boot's repackaging moves the application's {@code META-INF} to the root of
	 * the executable jar, and with it the index of the classes in
	 * {@code BOOT-INF/classes}.
	 */
	private static String fatJarRoot(String root) {
		Matcher classes = BOOT_INF_CLASSES.matcher(root);
		return classes.matches() ? "jar:file:" + classes.group(1) + "!/" : root;
	}

	/**
	 * One indexed class.
	 *
	 * @param className its binary name
	 * @param plain whether it is an upgrade as it stands: concrete and without class
	 * annotations, so that no condition applies to it; otherwise the scan's rules decide
	 */
	record Entry(String className, boolean plain) {

	}

}
