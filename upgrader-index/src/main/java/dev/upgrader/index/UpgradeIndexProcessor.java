package dev.upgrader.index;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import javax.tools.StandardLocation;

/**
 * Writes {@value #INDEX}: every class of the compilation that Upgrader's package scan
 * would take for an upgrade, so that an application packaged in jars finds its upgrades
 * without reading every class file of {@code upgrader.packages} (see the guide's "Finding
 * upgrades without a scan").
 * <p>
 * Each line is {@code plain} and the binary name for a concrete class without class
 * annotations, which is an upgrade wherever it is found, or {@code check} and the name
 * for one whose annotations (conditions such as {@code @Profile}) or {@code @Lookup}
 * methods the scan's own rules decide on at run time.
 *
 * @since 0.1.0
 */
public final class UpgradeIndexProcessor extends AbstractProcessor {

	/** Where the index is written, relative to the class output. */
	public static final String INDEX = "META-INF/upgrader/upgrades";

	private static final String UPGRADE = "dev.upgrader.Upgrade";

	private static final String LOOKUP = "org.springframework.beans.factory.annotation.Lookup";

	private final Map<String, String> upgrades = new TreeMap<>();

	@Override
	public Set<String> getSupportedAnnotationTypes() {
		return Set.of("*");
	}

	@Override
	public SourceVersion getSupportedSourceVersion() {
		return SourceVersion.latestSupported();
	}

	@Override
	public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
		TypeElement upgrade = this.processingEnv.getElementUtils().getTypeElement(UPGRADE);
		if (upgrade != null) {
			TypeMirror upgradeType = this.processingEnv.getTypeUtils().erasure(upgrade.asType());
			for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
				visit(type, upgradeType);
			}
		}
		if (round.processingOver()) {
			write();
		}
		// Claims no annotation: other processors see every type as well.
		return false;
	}

	private void visit(TypeElement type, TypeMirror upgradeType) {
		// As the scan: top-level and static nested classes only, which Spring can create.
		boolean independent = !type.getNestingKind().isNested() || type.getModifiers().contains(Modifier.STATIC);
		Types types = this.processingEnv.getTypeUtils();
		if (independent && isClass(type) && types.isAssignable(types.erasure(type.asType()), upgradeType)) {
			record(type);
		}
		for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
			visit(member, upgradeType);
		}
	}

	private static boolean isClass(TypeElement type) {
		return type.getKind() != ElementKind.INTERFACE && type.getKind() != ElementKind.ANNOTATION_TYPE;
	}

	private void record(TypeElement type) {
		String name = this.processingEnv.getElementUtils().getBinaryName(type).toString();
		boolean concrete = !type.getModifiers().contains(Modifier.ABSTRACT);
		if (concrete && type.getAnnotationMirrors().isEmpty()) {
			this.upgrades.put(name, "plain");
		}
		else if (concrete || hasLookupMethods(type)) {
			this.upgrades.put(name, "check");
		}
	}

	/**
	 * The scan also takes an abstract class whose {@code @Lookup} methods Spring
	 * implements.
	 */
	private static boolean hasLookupMethods(TypeElement type) {
		return ElementFilter.methodsIn(type.getEnclosedElements())
			.stream()
			.flatMap((method) -> method.getAnnotationMirrors().stream())
			.anyMatch((annotation) -> ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName()
				.contentEquals(LOOKUP));
	}

	private void write() {
		try (Writer writer = new OutputStreamWriter(this.processingEnv.getFiler()
			.createResource(StandardLocation.CLASS_OUTPUT, "", INDEX)
			.openOutputStream(), StandardCharsets.UTF_8)) {
			writer
				.write("# The upgrade classes of this compilation, by " + UpgradeIndexProcessor.class.getName() + "\n");
			for (Map.Entry<String, String> upgrade : this.upgrades.entrySet()) {
				writer.write(upgrade.getValue() + " " + upgrade.getKey() + "\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + INDEX, ex);
		}
	}

}
