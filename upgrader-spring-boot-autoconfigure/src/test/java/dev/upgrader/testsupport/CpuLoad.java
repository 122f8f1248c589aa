package dev.upgrader.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class while a {@link CpuBurner} keeps every core busy, when the system
 * property {@value #PROPERTY} is {@code true} (the {@code soak} Maven profile sets it);
 * otherwise does nothing. The burner is stopped after the class, whether its tests passed
 * or not.
 */
public final class CpuLoad implements BeforeAllCallback, AfterAllCallback {

	/** The system property that switches the load on. */
	public static final String PROPERTY = "upgrader.race.cpu-burner";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CpuLoad.class);

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		if (Boolean.getBoolean(PROPERTY)) {
			context.getStore(NAMESPACE).put(CpuBurner.class, CpuBurner.start());
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		CpuBurner burner = context.getStore(NAMESPACE).remove(CpuBurner.class, CpuBurner.class);
		if (burner != null) {
			burner.close();
		}
	}

}
